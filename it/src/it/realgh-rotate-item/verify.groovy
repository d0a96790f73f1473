// The blast radius of a leaked item (-Dspectral.rotate.item=Spectral/cloudflare): exactly the rotatable keys
// that read it, two fields of one item written one after the other (check-and-set on its version).
evaluate(new File(basedir, '../../../src/it/emulator-stop.groovy'))
evaluate(new File(basedir, '../../../src/it/expect-log.groovy'))
evaluate(new File(basedir, '../../../src/it/fakes.groovy'))
import groovy.json.JsonSlurper

def item = { String title -> new JsonSlurper().parse(new File(basedir, 'fake-op/vault.json'), 'UTF-8').vaults[0].items.find { it.title == title } }
def edits = opCalls().findAll { it[0] == 'item' && it[1] in ['edit', 'create'] }
assert edits.collect { it[2] } == ['itm4', 'itm4']: 'only the cloudflare item, once per field'
assert item('cloudflare').version == 6
assert item('signing-key').version == 1 && item('anthropic-production').version == 1 && item('anthropic-staging').version == 1
assert vaultValue('cloudflare', 'api-token') == 'vendor-issued-token-Cw3Jx8Qs6Lb1'
assert vaultValue('cloudflare', 'r2-secret') != 'fake-r2-secret-Gt6hY3jK9mPq'
assert vaultValue('cloudflare', 'account-key') == 'fake-account-key-Ns2wE5rF8vBx': 'a field without a spec is kept, not rotated'

['production', 'staging'].each { env ->
    assert secret(env, 'CLOUDFLARE_API_TOKEN') == 'vendor-issued-token-Cw3Jx8Qs6Lb1'
    assert secret(env, 'CLOUDFLARE_R2_SECRET') == vaultValue('cloudflare', 'r2-secret')
    assert secret(env, 'SIGNING_KEY') == vaultValue('signing-key', 'jwk')
}

def report = new JsonSlurper().parse(new File(basedir, 'target/spectral/rotate-report.json'))
assert report.selection == '-Dspectral.rotate.item=Spectral/cloudflare'
assert report.keys.collect { [it.key, it.item, it.versionBefore, it.versionAfter, it.status] } == [
        ['CLOUDFLARE_API_TOKEN', 'Spectral/cloudflare', 4, 5, 'stored'],
        ['CLOUDFLARE_R2_SECRET', 'Spectral/cloudflare', 5, 6, 'stored']]
assert report.notRotated == ['CLOUDFLARE_ACCOUNT_KEY [production] reads op://Spectral/cloudflare/account-key: no [rotation] spec']
def record = new File(basedir, 'target/spectral/rotate-record.md').getText('UTF-8')
assert record.contains('- [ ] CLOUDFLARE_ACCOUNT_KEY [production] reads op://Spectral/cloudflare/account-key: no [rotation] spec')
assert record.contains('Spectral/cloudflare (written: version 6)')
true

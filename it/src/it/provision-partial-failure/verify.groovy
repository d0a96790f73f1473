evaluate(new File(basedir, '../../../src/it/emulator-stop.groovy'))
evaluate(new File(basedir, '../../../src/it/expect-log.groovy'))
evaluate(new File(basedir, '../../../src/it/fakes.groovy'))

['production', 'staging'].each { env ->
    assert secret(env, 'CLOUDFLARE_API_TOKEN') == vaultValue('cloudflare', 'api-token')
    assert secret(env, 'SIGNING_KEY') == vaultValue('signing-key', 'jwk')
    assert secret(env, 'ANTHROPIC_API_KEY') == vaultValue("anthropic-${env}", 'credential')
}
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/spectral/provision-report.json'))
assert report.incomplete == []
assert report.changes.every { it.result in ['done', 'skipped'] }
// The first run set the one-line secrets of both environments in one bulk call each; the second
// set again only those of the environment where one failed (the other's are newer than their items).
assert ghCalls().count { it[0] == 'secret' && it[2] == '-f' } == 3
true

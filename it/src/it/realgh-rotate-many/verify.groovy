// Three keys in one run (-Dkey=all -Denv=production): a generated shared key, a generated per-env key and
// a prompted key (valueFrom pattern env:NEW_{KEY}); the real gh against the GitHub emulator.
evaluate(new File(basedir, '../../../src/it/emulator-stop.groovy'))
evaluate(new File(basedir, '../../../src/it/expect-log.groovy'))
evaluate(new File(basedir, '../../../src/it/fakes.groovy'))
import groovy.json.JsonSlurper

def item = { String title -> new JsonSlurper().parse(new File(basedir, 'fake-op/vault.json'), 'UTF-8').vaults[0].items.find { it.title == title } }
def calls = opCalls()

// Every new value stored once, each with its own check-and-set write, before the one provisioning run.
def edits = calls.findAll { it[0] == 'item' && it[1] in ['edit', 'create'] }
assert edits.collect { it[2] } == ['itm5', 'itm6', 'itm1']: edits
assert item('signing-key').version == 2 && item('webhook-production').version == 4 && item('anthropic-production').version == 2
assert item('anthropic-staging').version == 1 && item('webhook-staging').version == 2 && item('cloudflare').version == 1
def runs = calls.findIndexValues { it[0] == 'run' }
assert runs.size() == 5: 'three read-backs, and for the republishing one op run for the values and one for the kept key sets'
def lastEdit = calls.findLastIndexOf { it[0] == 'item' && it[1] == 'edit' }
assert calls.findIndexOf { it[0] == 'item' && it[1] == 'list' } > lastEdit: 'the republishing starts after every store'

// Published exactly: the emulator decrypted what gh sent.
def jwk = vaultValue('signing-key', 'jwk')
assert new JsonSlurper().parseText(jwk).crv == 'P-256'
assert secret('production', 'SIGNING_KEY') == jwk && secret('staging', 'SIGNING_KEY') == jwk
// Its public key set beside it, in both environments: the new key first, then the old one (retained).
def oldJwk = '{"kty":"EC","crv":"P-256","x":"fakeXq1","y":"fakeYq2","d":"fakeDsecret9Gh"}'
['production', 'staging'].each { env ->
    def set = keySet(env, 'SIGNING_KEY_JWKS')
    assert set.keys*.kid == [thumbprint(jwk), thumbprint(oldJwk)]: "${env}: ${set}"
    assert set.keys.every { key -> !key.keySet().any { it in ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] } }
}
def webhook = vaultValue('webhook-production', 'secret')
assert webhook != 'fake-webhook-production-Qe5rT7yU' && secret('production', 'WEBHOOK_SECRET') == webhook
assert vaultValue('anthropic-production', 'credential') == 'vendor-issued-key-Rm4Tq8Wz1Kx6'
assert secret('production', 'ANTHROPIC_API_KEY') == 'vendor-issued-key-Rm4Tq8Wz1Kx6'
assert secret('staging', 'ANTHROPIC_API_KEY') == vaultValue('anthropic-staging', 'credential')
assert secret('staging', 'WEBHOOK_SECRET') == vaultValue('webhook-staging', 'secret')

// Each environment republished once: one write per secret and per variable (APP_ENV, LOG_LEVEL and the
// key set SIGNING_KEY_JWKS), no more.
def requests = new File(basedir, 'github/requests.log').readLines('UTF-8').collect { new JsonSlurper().parseText(it) }
['production', 'staging'].each { env ->
    def writes = requests.findAll { it.method in ['PUT', 'POST', 'PATCH'] && it.path.startsWith("/repos/acme/app/environments/${env}/") }
    assert writes.size() == 7: "${env}: ${writes}"
    def secretPuts = writes.findAll { it.method == 'PUT' }.collect { it.path }
    assert secretPuts.sort() == ['ANTHROPIC_API_KEY', 'CLOUDFLARE_API_TOKEN', 'SIGNING_KEY', 'WEBHOOK_SECRET']
            .collect { "/repos/acme/app/environments/${env}/secrets/${it}" }: secretPuts
    assert requests.count { it.method == 'GET' && it.path == "/repos/acme/app/environments/${env}" } == 1
}

// The record: JSON and Markdown, versions and environments, never a value (expect-log.groovy checks target/spectral).
def report = new JsonSlurper().parse(new File(basedir, 'target/spectral/rotate-report.json'))
assert report.complete && report.selection == '-Dkey=all -Denv=production' && report.since == '2026-11-30T00:00:00Z'
assert report.keys.collect { [it.key, it.environment, it.versionBefore, it.versionAfter, it.status, it.current] } == [
        ['SIGNING_KEY', null, 1, 2, 'stored', ['production', 'staging']],
        ['WEBHOOK_SECRET', 'production', 3, 4, 'stored', ['production']],
        ['ANTHROPIC_API_KEY', 'production', 1, 2, 'stored', ['production']]]
def record = new File(basedir, 'target/spectral/rotate-record.md').getText('UTF-8')
[
    '| Selection | `-Dkey=all -Denv=production` |',
    '| SIGNING_KEY | shared | `Spectral/signing-key/jwk` | 1 -> 2 | production, staging | stored |',
    '| WEBHOOK_SECRET | per-env (production) | `Spectral/webhook-production/secret` | 3 -> 4 | production | stored |',
    '| ANTHROPIC_API_KEY | per-env (production) | `Spectral/anthropic-production/credential` | 1 -> 2 | production | stored |',
    '#### Audit surfaces to review, from 2026-11-30T00:00:00Z to ',
    'The vendor\'s audit log of each prompted key (uses of the old value): ANTHROPIC_API_KEY [production]',
].each { assert record.contains(it): "rotate-record.md lacks: ${it}" }
true

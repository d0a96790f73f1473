evaluate(new File(basedir, '../../../src/it/emulator-stop.groovy'))
evaluate(new File(basedir, '../../../src/it/expect-log.groovy'))
evaluate(new File(basedir, '../../../src/it/fakes.groovy'))

def item = { String title -> new groovy.json.JsonSlurper().parse(new File(basedir, 'fake-op/vault.json'), 'UTF-8').vaults[0].items.find { it.title == title } }
def opWrites = { opCalls().findAll { it[0] == 'item' && it[1] in ['edit', 'create'] } }

def jwk = vaultValue('signing-key', 'jwk')
assert jwk != '{"kty":"EC","crv":"P-256","x":"fakeXq1","y":"fakeYq2","d":"fakeDsecret9Gh"}'
def parsed = new groovy.json.JsonSlurper().parseText(jwk)
assert parsed.kty == 'EC' && parsed.crv == 'P-256' && parsed.alg == 'ES256' && parsed.d && parsed.kid
assert item('signing-key').version == 2
// Both environments were republished with the new key; the old one is gone from GitHub.
assert secret('production', 'SIGNING_KEY') == jwk
assert secret('staging', 'SIGNING_KEY') == jwk
// Whole environments were republished, so they end consistent.
assert secret('production', 'ANTHROPIC_API_KEY') == vaultValue('anthropic-production', 'credential')
// The value went to op on stdin only.
assert opWrites().size() == 1 && opWrites()[0] == ['item', 'edit', 'itm5', '--vault', 'Spectral', '--format', 'json']
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/spectral/rotate-report.json'))
assert report.stored && report.current == ['production', 'staging'] && report.behind == []
true

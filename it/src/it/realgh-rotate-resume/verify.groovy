// A failure after the first key: it is stored and republished, the rest is not minted, and the printed
// rotate command (step 2) finishes the rest without touching the first again. Real gh, GitHub emulator.
evaluate(new File(basedir, '../../../src/it/emulator-stop.groovy'))
evaluate(new File(basedir, '../../../src/it/expect-log.groovy'))
evaluate(new File(basedir, '../../../src/it/fakes.groovy'))
import groovy.json.JsonSlurper

def item = { String title -> new JsonSlurper().parse(new File(basedir, 'fake-op/vault.json'), 'UTF-8').vaults[0].items.find { it.title == title } }
def calls = new File(basedir, 'fake-op/calls.log').readLines('UTF-8').collect { new JsonSlurper().parseText(it) }
def edits = { String id, int exit -> calls.count { it.argv[0] == 'item' && it.argv[1] == 'edit' && it.argv[2] == id && it.exit == exit } }

// Over both steps: the first key written once; the second failed once, then written once; the third written once.
assert edits('itm5', 0) == 1 && item('signing-key').version == 2
assert edits('itm6', 1) == 1 && edits('itm6', 0) == 1 && item('webhook-production').version == 4
assert edits('itm1', 0) == 1 && item('anthropic-production').version == 2
assert calls.count { it.argv[0] == 'item' && it.argv[1] in ['edit', 'create'] } == 4
assert !new File(basedir, 'fake-op/fail-write-to').exists()

def jwk = vaultValue('signing-key', 'jwk')
assert secret('production', 'SIGNING_KEY') == jwk && secret('staging', 'SIGNING_KEY') == jwk
assert ['production', 'staging'].every { keySet(it, 'SIGNING_KEY_JWKS').keys[0].kid == thumbprint(jwk) }
assert secret('production', 'WEBHOOK_SECRET') == vaultValue('webhook-production', 'secret')
assert secret('production', 'ANTHROPIC_API_KEY') == 'vendor-issued-key-Hp2Ls7Dv5Yc3'

// staging reads only the first key: republished by step 1, once, and not again by step 2: its four
// secrets and three variables (APP_ENV, LOG_LEVEL and the key set SIGNING_KEY_JWKS).
def requests = new File(basedir, 'github/requests.log').readLines('UTF-8').collect { new JsonSlurper().parseText(it) }
def stagingWrites = requests.findAll { it.method in ['PUT', 'POST', 'PATCH'] && it.path.startsWith('/repos/acme/app/environments/staging/') }
assert stagingWrites.size() == 7: stagingWrites
assert requests.count { it.method == 'GET' && it.path == '/repos/acme/app/environments/staging' } == 1
assert requests.count { it.method == 'GET' && it.path == '/repos/acme/app/environments/production' } == 2

// The record of step 2: exactly what was left.
def report = new JsonSlurper().parse(new File(basedir, 'target/spectral/rotate-report.json'))
assert report.complete && report.selection == '-Dkey=WEBHOOK_SECRET,ANTHROPIC_API_KEY -Denv=production'
assert report.keys.collect { [it.key, it.versionBefore, it.versionAfter, it.status] } ==
        [['WEBHOOK_SECRET', 3, 4, 'stored'], ['ANTHROPIC_API_KEY', 1, 2, 'stored']]
assert report.current == ['production']
true

// -Dkey=due, run twice. The first run rotates the generated keys that are due: SIGNING_KEY (its item is
// older than its max age; one phase) and ID_TOKEN_KEY (young, but its next key waits: phase 2); it warns
// about ANTHROPIC_API_KEY (due, but typed in by hand) and leaves WEBHOOK_SECRET (young) and
// CLOUDFLARE_API_TOKEN (no max age) alone. The second run finds only the prompted key due and writes nothing.
evaluate(new File(basedir, '../../../src/it/emulator-stop.groovy'))
evaluate(new File(basedir, '../../../src/it/expect-log.groovy'))
evaluate(new File(basedir, '../../../src/it/fakes.groovy'))
import groovy.json.JsonSlurper

def json = new JsonSlurper()
def items = { File vault -> json.parse(vault, 'UTF-8').vaults[0].items.collectEntries { [it.title, it] } }
def seed = items(new File(basedir, '../../../src/it/rotate-due/fake-op/vault.json'))
def now = items(new File(basedir, 'fake-op/vault.json'))
def fields = { item -> item.fields.collectEntries { [it.label, it.value] } }

// Two edits in all, one per rotated item, both in the first run; the other items are as seeded.
def edits = opCalls().findAll { it[0] == 'item' && it[1] in ['edit', 'create'] }
assert edits.collect { it[2] } == ['itm5', 'itm7']: edits
assert now['signing-key'].version == 2 && now['id-token-key'].version == 8
['anthropic', 'webhook', 'cloudflare'].each { title ->
    assert now[title].version == seed[title].version && now[title].updated_at == seed[title].updated_at: title
    assert fields(now[title]) == fields(seed[title]): title
}

// SIGNING_KEY: a new key signs, the old one stays in the set.
def oldSigning = fields(seed['signing-key']).jwk
def signing = fields(now['signing-key']).jwk
assert signing != oldSigning && json.parseText(signing).kid == thumbprint(signing)
// ID_TOKEN_KEY: the waiting next key was promoted, not a new one minted.
def idFields = fields(now['id-token-key'])
assert idFields.keySet() == ['jwk', 'jwk-jwks'] as Set
assert idFields.jwk == fields(seed['id-token-key'])['jwk-next']
['production', 'staging'].each { env ->
    assert secret(env, 'SIGNING_KEY') == signing && secret(env, 'ID_TOKEN_KEY') == idFields.jwk
    assert keySet(env, 'SIGNING_KEY_JWKS').keys*.kid == [thumbprint(signing), thumbprint(oldSigning)]
    assert keySet(env, 'ID_TOKEN_KEY_JWKS').keys*.kid == [thumbprint(idFields.jwk), thumbprint(fields(seed['id-token-key']).jwk)]
    assert secret(env, 'ANTHROPIC_API_KEY') == fields(seed['anthropic']).credential
    assert secret(env, 'WEBHOOK_SECRET') == fields(seed['webhook']).secret
}
// GitHub written by the first run only: each environment's 6 secrets and variables and its 2 key sets, once.
assert writes().size() == 16: writes()

// The record of the second run: nothing rotated.
def report = json.parse(new File(basedir, 'target/spectral/rotate-report.json'))
assert report.selection == '-Dkey=due' && report.keys == [] && report.republish == []
true

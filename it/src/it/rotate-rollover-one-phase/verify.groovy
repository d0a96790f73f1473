// One-phase rollover of a shared ES256 key (a real P-256 key in the seed, named by its thumbprint):
// the new key signs, the old one stays in the published set for the retention asked (14d), a key
// whose retention ended before the run leaves the set; one edit of the item writes the key and the set.
evaluate(new File(basedir, '../../../src/it/emulator-stop.groovy'))
evaluate(new File(basedir, '../../../src/it/expect-log.groovy'))
evaluate(new File(basedir, '../../../src/it/fakes.groovy'))
import groovy.json.JsonSlurper
import java.time.Duration
import java.time.Instant

def PRIVATE = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k']
def seed = new JsonSlurper().parse(new File(basedir, '../../../src/it/rotate-rollover-one-phase/fake-op/vault.json'), 'UTF-8')
def oldJwk = seed.vaults[0].items.find { it.title == 'signing-key' }.fields.find { it.label == 'jwk' }.value
def oldKid = thumbprint(oldJwk)
assert oldKid == new JsonSlurper().parseText(oldJwk).kid: 'the seed key is named by its thumbprint'

// The new private key: in 1Password, and the secret of both environments.
def jwk = vaultValue('signing-key', 'jwk')
def key = new JsonSlurper().parseText(jwk)
assert jwk != oldJwk && key.kty == 'EC' && key.crv == 'P-256' && key.d && key.kid == thumbprint(jwk)
assert secret('production', 'SIGNING_KEY') == jwk && secret('staging', 'SIGNING_KEY') == jwk

// The public set in both environments: the new key, then the old one; the expired one is gone; no private member.
['production', 'staging'].each { env ->
    def set = keySet(env, 'SIGNING_KEY_JWKS')
    assert set.keySet() == ['keys'] as Set: "${env}: ${set}"
    assert set.keys*.kid == [thumbprint(jwk), oldKid]: "${env}: ${set.keys*.kid}"
    set.keys.each { k -> assert !k.keySet().any { it in PRIVATE }: "${env}: a private member in ${k.keySet()}" }
    assert set.keys.every { it.kty == 'EC' && it.crv == 'P-256' && it.x && it.y && it.alg == 'ES256' && it.use == 'sig' }
}

// The set kept in 1Password: the same keys, and when the old one leaves (now + 14 days).
def kept = new JsonSlurper().parseText(vaultValue('signing-key', 'jwk-jwks'))
assert kept.keys*.kid == [thumbprint(jwk), oldKid]
assert kept.retire.keySet() == [oldKid] as Set
def leaves = Instant.parse(kept.retire[oldKid])
def expected = Instant.now().plus(Duration.ofDays(14))
assert !leaves.isAfter(expected) && leaves.isAfter(expected.minus(Duration.ofMinutes(10))): "retire ${leaves}, expected about ${expected}"

// One edit of the item, the key and its set together, checked against the version the plan showed.
def edits = opCalls().findAll { it[0] == 'item' && it[1] in ['edit', 'create'] }
assert edits == [['item', 'edit', 'itm5', '--vault', 'Spectral', '--format', 'json']]: edits
assert new JsonSlurper().parse(new File(basedir, 'fake-op/vault.json'), 'UTF-8').vaults[0].items.find { it.title == 'signing-key' }.version == 4
// Republished: the new secret and the set changed in place in both environments; nothing else was written.
assert writes().collect { "${it.method} ${it.path}" as String }.sort() == ['production', 'staging'].collectMany { env -> [
        "PATCH /repos/acme/app/environments/${env}/variables/SIGNING_KEY_JWKS" as String,
        "PUT /repos/acme/app/environments/${env}/secrets/SIGNING_KEY" as String] }.sort(): writes()
true

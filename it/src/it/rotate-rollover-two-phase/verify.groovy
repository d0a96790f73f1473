// Two-phase rollover of a shared ES256 key (a real P-256 key in the seed, named by its thumbprint, and no
// key set kept yet). Phase 1 (-Dspectral.rotate.twoPhase) keeps the new key aside at jwk-next and
// publishes its public half beside the key that still signs; phase 2 (a plain rotate) promotes it. The
// state between the phases is the copy invoker.goals.2 made in after-phase-1/.
evaluate(new File(basedir, '../../../src/it/emulator-stop.groovy'))
evaluate(new File(basedir, '../../../src/it/expect-log.groovy'))
evaluate(new File(basedir, '../../../src/it/fakes.groovy'))
import groovy.json.JsonSlurper
import java.time.Duration
import java.time.Instant

def PRIVATE = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k']
def json = new JsonSlurper()
def fieldsOf = { File vault -> json.parse(vault, 'UTF-8').vaults[0].items.find { it.title == 'signing-key' }.fields.collectEntries { [it.label, it.value] } }
def seedFields = fieldsOf(new File(basedir, '../../../src/it/rotate-rollover-two-phase/fake-op/vault.json'))
def phase1 = fieldsOf(new File(basedir, 'after-phase-1/fake-op/vault.json'))
def phase2 = fieldsOf(new File(basedir, 'fake-op/vault.json'))
def github1 = json.parse(new File(basedir, 'after-phase-1/github/state.json'), 'UTF-8').repos['acme/app'].environments
def publicOnly = { set -> set.keys.every { k -> !k.keySet().any { it in PRIVATE } } }

def oldJwk = seedFields.jwk
def oldKid = thumbprint(oldJwk)
assert oldKid == json.parseText(oldJwk).kid: 'the seed key is named by its thumbprint'

// After phase 1: the old key still signs, in 1Password and in GitHub; the next key waits in jwk-next,
// a private key named by its thumbprint; both environments publish the set [old, next].
assert phase1.keySet() == ['jwk', 'jwk-next', 'jwk-jwks'] as Set: phase1.keySet()
assert phase1.jwk == oldJwk
def nextJwk = phase1['jwk-next']
def nextKid = thumbprint(nextJwk)
assert nextJwk != oldJwk && json.parseText(nextJwk).d && json.parseText(nextJwk).kid == nextKid
['production', 'staging'].each { env ->
    assert github1[env].secrets.SIGNING_KEY.value == oldJwk: "${env}: the old key no longer signs after phase 1"
    def set = json.parseText(github1[env].variables.SIGNING_KEY_JWKS.value)
    assert set.keySet() == ['keys'] as Set && set.keys*.kid == [oldKid, nextKid] && publicOnly(set): "${env}: ${set}"
}
def kept1 = json.parseText(phase1['jwk-jwks'])
assert kept1.keys*.kid == [oldKid, nextKid] && !kept1.retire: 'no key retires in phase 1'

// After phase 2: the former next key signs, jwk-next is gone, the old key retires in 30 days (the default).
assert phase2.keySet() == ['jwk', 'jwk-jwks'] as Set: phase2.keySet()
assert phase2.jwk == nextJwk
['production', 'staging'].each { env ->
    assert secret(env, 'SIGNING_KEY') == nextJwk
    def set = keySet(env, 'SIGNING_KEY_JWKS')
    assert set.keySet() == ['keys'] as Set && set.keys*.kid == [nextKid, oldKid] && publicOnly(set): "${env}: ${set}"
}
def kept2 = json.parseText(phase2['jwk-jwks'])
assert kept2.keys*.kid == [nextKid, oldKid] && kept2.retire.keySet() == [oldKid] as Set
def leaves = Instant.parse(kept2.retire[oldKid])
def expected = Instant.now().plus(Duration.ofDays(30))
assert !leaves.isAfter(expected) && leaves.isAfter(expected.minus(Duration.ofMinutes(10))): "retire ${leaves}, expected about ${expected}"

// One edit of the item per phase, each checked against the version its plan showed.
def edits = opCalls().findAll { it[0] == 'item' && it[1] in ['edit', 'create'] }
assert edits.collect { it[2] } == ['itm5', 'itm5']: edits
assert json.parse(new File(basedir, 'after-phase-1/fake-op/vault.json'), 'UTF-8').vaults[0].items.find { it.title == 'signing-key' }.version == 2
assert json.parse(new File(basedir, 'fake-op/vault.json'), 'UTF-8').vaults[0].items.find { it.title == 'signing-key' }.version == 3
true

// Helpers over the fake op's state and the emulated GitHub's, for the verify.groovy of the cases that
// run op and gh: the fake op's vault and calls (fake-op/), the GitHub emulator's state and requests
// (github/, see emulator-start.groovy), and the argv of every gh call (gh-calls.log, by it/fakes/gh-logging).
import groovy.json.JsonSlurper

ghState = { new JsonSlurper().parse(new File(basedir, 'github/state.json'), 'UTF-8') }
ghEnv = { String env -> ghState().repos['acme/app'].environments[env] }
secret = { String env, String name -> ghEnv(env)?.secrets?.get(name)?.value }
hasSecret = { String env, String name -> ghEnv(env)?.secrets?.containsKey(name) }
variable = { String env, String name -> ghEnv(env)?.variables?.get(name)?.value }
vaultValue = { String item, String field ->
    def vault = new JsonSlurper().parse(new File(basedir, 'fake-op/vault.json'), 'UTF-8')
    vault.vaults[0].items.find { it.title == item }.fields.find { it.label == field }.value
}
jsonLines = { String path ->
    def log = new File(basedir, path)
    log.exists() ? log.readLines('UTF-8').collect { new JsonSlurper().parseText(it) } : []
}
opCalls = { jsonLines('fake-op/calls.log')*.argv }
ghCalls = { jsonLines('gh-calls.log')*.argv }
// Every request that reached the emulated GitHub ({method, path, status}), and those that would change it.
requests = { jsonLines('github/requests.log') }
writes = { requests().findAll { it.method in ['PUT', 'POST', 'PATCH', 'DELETE'] } }
// The RFC 7638 thumbprint of a JWK given as JSON text (EC, RSA or OKP): SHA-256 over its required
// members in lexicographic order, no spaces, base64url without padding. The kid of a key set's keys.
thumbprint = { String jwk ->
    def key = new JsonSlurper().parseText(jwk)
    def required = [EC: ['crv', 'kty', 'x', 'y'], RSA: ['e', 'kty', 'n'], OKP: ['crv', 'kty', 'x']][key.kty]
    assert required: "not a JWK of type EC, RSA or OKP: kty ${key.kty}"
    def canonical = '{' + required.collect { "\"${it}\":\"${key[it]}\"" }.join(',') + '}'
    def digest = java.security.MessageDigest.getInstance('SHA-256').digest(canonical.getBytes('UTF-8'))
    Base64.urlEncoder.withoutPadding().encodeToString(digest)
}
// A published key set variable (e.g. SIGNING_KEY_JWKS) of an environment, parsed; null when absent.
keySet = { String env, String name -> variable(env, name)?.with { new JsonSlurper().parseText(it) } }
true

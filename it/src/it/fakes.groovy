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
true

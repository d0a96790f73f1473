// Helpers over the state of the fake op and gh, for the verify.groovy of provision and rotate cases.
import groovy.json.JsonSlurper

// GitHub's state: the emulator's (real gh cases) or the fake gh's; both have the same layout.
ghState = {
    def emulated = new File(basedir, 'github/state.json')
    new JsonSlurper().parse(emulated.exists() ? emulated : new File(basedir, 'fake-gh/state.json'), 'UTF-8')
}
ghEnv = { String env -> ghState().repos['acme/app'].environments[env] }
secret = { String env, String name -> ghEnv(env)?.secrets?.get(name)?.value }
hasSecret = { String env, String name -> ghEnv(env)?.secrets?.containsKey(name) }
variable = { String env, String name -> ghEnv(env)?.variables?.get(name)?.value }
vaultValue = { String item, String field ->
    def vault = new JsonSlurper().parse(new File(basedir, 'fake-op/vault.json'), 'UTF-8')
    vault.vaults[0].items.find { it.title == item }.fields.find { it.label == field }.value
}
callsOf = { String fake ->
    def log = new File(basedir, "${fake}/calls.log")
    log.exists() ? log.readLines('UTF-8').collect { new JsonSlurper().parseText(it).argv } : []
}
opCalls = { callsOf('fake-op') }
ghCalls = { callsOf('fake-gh') }
// Every gh call that changes GitHub.
writes = { ghCalls().findAll { argv -> argv[0] == 'secret' || argv.any { it in ['POST', 'PATCH', 'DELETE', 'PUT'] } } }
true

evaluate(new File(basedir, '../../../src/it/emulator-stop.groovy'))
evaluate(new File(basedir, '../../../src/it/expect-log.groovy'))
evaluate(new File(basedir, '../../../src/it/fakes.groovy'))

def item = { String title -> new groovy.json.JsonSlurper().parse(new File(basedir, 'fake-op/vault.json'), 'UTF-8').vaults[0].items.find { it.title == title } }
def opWrites = { opCalls().findAll { it[0] == 'item' && it[1] in ['edit', 'create'] } }

def fresh = vaultValue('webhook-staging', 'secret')
assert fresh ==~ /[A-Za-z0-9_-]{43}/
assert secret('staging', 'WEBHOOK_SECRET') == fresh
// production keeps its own item, and was not touched at all.
assert vaultValue('webhook-production', 'secret') == 'old-webhook-production-Zq81Lx'
assert ghEnv('production').secrets.isEmpty()
true

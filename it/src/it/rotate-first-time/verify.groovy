evaluate(new File(basedir, '../../../src/it/emulator-stop.groovy'))
evaluate(new File(basedir, '../../../src/it/expect-log.groovy'))
evaluate(new File(basedir, '../../../src/it/fakes.groovy'))

def item = { String title -> new groovy.json.JsonSlurper().parse(new File(basedir, 'fake-op/vault.json'), 'UTF-8').vaults[0].items.find { it.title == title } }
def opWrites = { opCalls().findAll { it[0] == 'item' && it[1] in ['edit', 'create'] } }

def created = item('webhook-staging')
assert created && created.fields.size() == 1 && created.fields[0].type == 'CONCEALED' && created.fields[0].label == 'secret'
assert opWrites().size() == 1 && opWrites()[0] == ['item', 'create', '--vault', 'Spectral', '--format', 'json', '-']
assert secret('staging', 'WEBHOOK_SECRET') == created.fields[0].value
true

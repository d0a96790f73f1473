evaluate(new File(basedir, '../../../src/it/emulator-stop.groovy'))
evaluate(new File(basedir, '../../../src/it/expect-log.groovy'))
evaluate(new File(basedir, '../../../src/it/fakes.groovy'))

def item = { String title -> new groovy.json.JsonSlurper().parse(new File(basedir, 'fake-op/vault.json'), 'UTF-8').vaults[0].items.find { it.title == title } }
def opWrites = { opCalls().findAll { it[0] == 'item' && it[1] in ['edit', 'create'] } }

assert vaultValue('anthropic-production', 'credential') == 'vendor-issued-key-7f3Kq9Zm2Lw8'
assert secret('production', 'ANTHROPIC_API_KEY') == 'vendor-issued-key-7f3Kq9Zm2Lw8'
true

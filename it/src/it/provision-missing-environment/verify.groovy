evaluate(new File(basedir, '../../../src/it/emulator-stop.groovy'))
evaluate(new File(basedir, '../../../src/it/expect-log.groovy'))
evaluate(new File(basedir, '../../../src/it/fakes.groovy'))

assert secret('staging', 'ANTHROPIC_API_KEY') == vaultValue('anthropic-staging', 'credential')
true

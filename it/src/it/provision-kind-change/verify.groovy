evaluate(new File(basedir, '../../../src/it/emulator-stop.groovy'))
evaluate(new File(basedir, '../../../src/it/expect-log.groovy'))
evaluate(new File(basedir, '../../../src/it/fakes.groovy'))

assert secret('production', 'SIGNING_KEY') == vaultValue('signing-key', 'jwk')
assert variable('production', 'SIGNING_KEY') == null
assert variable('production', 'LOG_LEVEL') == 'info'
assert !hasSecret('production', 'LOG_LEVEL')
true

evaluate(new File(basedir, '../../../src/it/emulator-stop.groovy'))
evaluate(new File(basedir, '../../../src/it/expect-log.groovy'))
evaluate(new File(basedir, '../../../src/it/fakes.groovy'))

assert variable('production', 'APP_ENV') == 'production'
assert ghCalls().count { it.contains('PATCH') } == 1
assert ghCalls().count { it.contains('POST') } == 0
true

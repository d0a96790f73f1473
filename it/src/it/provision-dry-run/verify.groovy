evaluate(new File(basedir, '../../../src/it/emulator-stop.groovy'))
evaluate(new File(basedir, '../../../src/it/expect-log.groovy'))
evaluate(new File(basedir, '../../../src/it/fakes.groovy'))

assert writes().isEmpty(): "a dry run wrote: ${writes()}"
assert opCalls().count { it[0] == 'run' } == 1
assert !new File(basedir, '.env').exists()
true

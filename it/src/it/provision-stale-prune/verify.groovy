evaluate(new File(basedir, '../../../src/it/expect-log.groovy'))
evaluate(new File(basedir, '../../../src/it/fakes.groovy'))

assert !hasSecret('production', 'OLD_SECRET')
assert variable('production', 'OLD_VAR') == null
assert ghCalls().count { it.contains('DELETE') } == 2
true

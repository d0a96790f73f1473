evaluate(new File(basedir, '../../../src/it/emulator-stop.groovy'))
evaluate(new File(basedir, '../../../src/it/expect-log.groovy'))
evaluate(new File(basedir, '../../../src/it/fakes.groovy'))

assert new File(basedir, 'github/requests.log').with { !it.exists() || it.readLines().isEmpty() }
true

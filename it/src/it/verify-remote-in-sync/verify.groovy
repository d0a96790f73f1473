evaluate(new File(basedir, '../../../src/it/emulator-stop.groovy'))
evaluate(new File(basedir, '../../../src/it/expect-log.groovy'))
evaluate(new File(basedir, '../../../src/it/fakes.groovy'))

// Each build resolved with one op run; item listings: provision's two (before and after publishing)
// and verify's one per vault.
assert opCalls().count { it[0] == 'run' } == 2
assert opCalls().count { it[0] == 'item' && it[1] == 'list' } == 3
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/spectral/verify-report.json'))
assert report.remote && report.errors == 0 && report.warnings == 0
true

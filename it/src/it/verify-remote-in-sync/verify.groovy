evaluate(new File(basedir, '../../../src/it/expect-log.groovy'))
evaluate(new File(basedir, '../../../src/it/fakes.groovy'))

// The remote checks cost one op run, one op item list per vault, and per environment 3 gh calls.
def verifyRun = opCalls().drop(2)
assert verifyRun.count { it[0] == 'run' } == 1
assert verifyRun.count { it[0] == 'item' && it[1] == 'list' } == 1
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/spectral/verify-report.json'))
assert report.remote && report.errors == 0 && report.warnings == 0
true

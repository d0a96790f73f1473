evaluate(new File(basedir, '../../../src/it/emulator-stop.groovy'))
evaluate(new File(basedir, '../../../src/it/expect-log.groovy'))
evaluate(new File(basedir, '../../../src/it/fakes.groovy'))

assert writes().isEmpty()
// A run that stops before its plan still leaves a report that says why.
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/spectral/provision-report.json'))
assert report.stopped == 'TOOL' && report.error.contains('not signed in')
true

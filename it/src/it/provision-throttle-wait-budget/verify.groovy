import groovy.json.JsonSlurper

evaluate(new File(basedir, '../../../src/it/emulator-stop.groovy'))
evaluate(new File(basedir, '../../../src/it/expect-log.groovy'))
evaluate(new File(basedir, '../../../src/it/fakes.groovy'))

def log = new File(basedir, 'build.log').getText('UTF-8')
def report = new JsonSlurper().parse(new File(basedir, 'target/spectral/provision-report.json'))
def failed = report.changes.findAll { it.result == 'failed' }
def done = report.changes.findAll { it.result == 'done' }
assert failed.size() > 0 && done.size() > 0
assert failed.size() + done.size() == 40
assert report.incomplete == ['production']
assert report.reasons.any { it.contains('spectral.github.maxWait') }

// The report tells exactly what is left: what it calls done is in GitHub and exact, what it calls failed is not there.
def value = { String key -> key.startsWith('TOKEN_') ? vaultValue("production-token-${key.substring(6)}", 'credential') : "production setting ${key.substring(8) as int}" }
done.each { c ->
    def actual = c.kind == 'secret' ? secret('production', c.key) : variable('production', c.key)
    assert actual == value(c.key): c.key
}
failed.each { c ->
    assert !(c.kind == 'secret' ? hasSecret('production', c.key) : variable('production', c.key)): "${c.key} is in GitHub but reported failed"
    assert log.contains("failed: [production] ${c.key} (${c.kind}, ")
}
// Bounded: each failed key once, the stop reason spelled out once.
assert log.count('past spectral.github.maxWait') <= 2
true

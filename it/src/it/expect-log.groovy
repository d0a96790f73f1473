// Run by each case's verify.groovy (with that case as basedir).
// Shared post-build check of every invoker case.
// expected-log.txt: each non-blank line must appear in build.log, exactly.
// forbidden-log.txt: no non-blank line may appear in build.log (for example, secret values).
def log = new File(basedir, 'build.log').getText('UTF-8')

def lines = { String name ->
    def file = new File(basedir, name)
    file.exists() ? file.readLines('UTF-8').findAll { it.trim() } : []
}

lines('expected-log.txt').each { line ->
    assert log.contains(line): "build.log of ${basedir.name} lacks the line:\n${line}"
}
lines('forbidden-log.txt').each { line ->
    assert !log.contains(line): "build.log of ${basedir.name} holds text it must not:\n${line}"
}
true

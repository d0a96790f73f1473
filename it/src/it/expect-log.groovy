// Shared post-build check of every invoker case, run by each case's verify.groovy (with that case as basedir).
// - expected-log.txt: each non-blank line must appear in build.log, exactly.
// - forbidden-log.txt: no non-blank line may appear in build.log.
// - No secret value of the fake 1Password vault (as the case began, and as it ended), nor any
//   16-character stretch of one (of a private JWK: of its private members), may appear in
//   build.log, in any argv op or gh was given (fake-op/calls.log, gh-calls.log), in what the GitHub
//   emulator logged (requests.log, emulator.log), or in a report under target/spectral.
import groovy.json.JsonSlurper

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

def vaultValues = { File vault ->
    if (!vault.exists()) return []
    new JsonSlurper().parse(vault, 'UTF-8').vaults.collectMany { v -> v.items.collectMany { i -> i.fields*.value.findAll { it } } }
}
def secrets = (vaultValues(new File(basedir, "../../../src/it/${basedir.name}/fake-op/vault.json"))
        + vaultValues(new File(basedir, 'fake-op/vault.json'))).unique()
// A value, each of its lines long enough to be telling, and every 16-character stretch of it,
// so that a value printed in part is caught too; less what the committed file itself says
// (a fixture value may contain its item's name, and references are printed on purpose).
def WINDOW = 16
def committed = new File(basedir, 'environments.toml').exists() ? new File(basedir, 'environments.toml').getText('UTF-8') : ''
def stretches = { String value ->
    [value] + value.readLines().findAll { it.trim().length() >= 8 } +
        (value.length() > WINDOW ? (0..(value.length() - WINDOW)).step(4).collect { value.substring(it, it + WINDOW) } : [])
}
// A JWK's public members and a public key set are published on purpose (as the key set variable):
// of a private JWK only the whole value and its private members are secret; a key set is not.
def PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k']
def asJson = { String value ->
    try { value.trim().startsWith('{') ? new JsonSlurper().parseText(value) : null } catch (ignored) { null }
}
def needles = secrets.collectMany { value ->
    def json = asJson(value)
    if (json instanceof Map && json.keys instanceof List) return []
    if (json instanceof Map && json.kty) {
        return [value] + PRIVATE_MEMBERS.collect { json[it] }.findAll { it instanceof String }.collectMany { stretches(it) }
    }
    stretches(value)
}.unique().findAll { !committed.contains(it) }

def places = ['build.log', 'fake-op/calls.log', 'gh-calls.log', 'github/requests.log', 'emulator.log']
        .collect { new File(basedir, it) }
def reports = new File(basedir, 'target/spectral')
if (reports.isDirectory()) places += reports.listFiles().toList()
places.findAll { it.exists() }.each { file ->
    def text = file.getText('UTF-8')
    needles.each { needle ->
        assert !text.contains(needle): "${basedir.name}/${file.name} holds a secret value (starting '${needle.take(4)}')"
    }
}
true

import groovy.json.JsonSlurper

evaluate(new File(basedir, '../../../src/it/emulator-stop.groovy'))
evaluate(new File(basedir, '../../../src/it/expect-log.groovy'))
evaluate(new File(basedir, '../../../src/it/fakes.groovy'))

def log = new File(basedir, 'build.log').getText('UTF-8')
def requests = new File(basedir, 'github/requests.log').readLines('UTF-8').collect { new JsonSlurper().parseText(it) }
def throttled = requests.findAll { it.throttled == 'secondary' }
assert throttled.size() > 0: 'the emulated GitHub never throttled the run: the case proves nothing'
assert log =~ /GitHub throttled \d+ request\(s\); the run waited [0-9.]+ s for it in all/
assert !log.contains('[ERROR] failed:')

['production', 'staging'].each { env ->
    (0..<40).each { i ->
        def name = String.format('TOKEN_%02d', i)
        assert secret(env, name) == vaultValue(String.format('%s-token-%02d', env, i), 'credential'): "${env} ${name}"
    }
    (0..<10).each { i -> assert variable(env, String.format('SETTING_%02d', i)) == "${env} setting ${i}" as String }
}
// Only what GitHub refused was sent again: each secret is written once successfully, never twice.
def written = requests.findAll { it.method == 'PUT' && it.status in [201, 204] }.collect { it.path }
assert written.size() == 80 && written.unique().size() == 80
true

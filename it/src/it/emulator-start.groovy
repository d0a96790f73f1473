// Starts the GitHub REST emulator for this case (run by the case's prebuild.groovy), and points
// the real gh at it: GH_CONFIG_DIR=gh-config (set in invoker.properties) holds http_unix_socket.
// The emulator's state is the case's github/ folder (state.json, requests.log, faults.json).
// The case's github-seed.json, if any, seeds the emulator's state; github-faults.json its faults.
// The case's emulator.args, if any, adds options (one per line, e.g. --limits), such as GitHub's rate limits.
// Set noCredentials = true before evaluating this to leave gh without a token (gh then exits 4).
import java.nio.file.Files

def gh = System.getenv('PATH').split(File.pathSeparator).collect { new File(it, 'gh') }.find { it.canExecute() }
assert gh: 'the integration tests drive the real GitHub CLI, and there is no gh on PATH: install it (apt-get install -y gh)'

def lib = new File(basedir, '../../emulator-lib').canonicalFile
assert lib.isDirectory(): "no ${lib}: the it module copies the emulator there before the cases run"
def state = new File(basedir, 'github')
state.mkdirs()
['github-seed.json': 'state.json', 'github-faults.json': 'faults.json'].each { from, to ->
    def source = new File(basedir, from)
    if (source.exists()) new File(state, to).bytes = source.bytes
}
// A short folder: a unix socket's path may not exceed 107 bytes.
def socket = new File(Files.createTempDirectory('spectral-gh').toFile(), 'gh.sock')
def java = new File(System.getProperty('java.home'), 'bin/java').path
def log = new File(basedir, 'emulator.log')
def argsFile = new File(basedir, 'emulator.args')
def extra = argsFile.exists() ? argsFile.readLines('UTF-8').collectMany { it.trim() ? it.trim().split(/\s+/) as List : [] } : []
// C1 only and the serial collector: the emulator starts in about half the CPU time, and a case is short.
def command = ([java, '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-cp', "${lib}/*", 'dev.spectral.it.github.Main',
        '--socket', socket.path, '--state', state.path, '--idle-timeout-seconds', '300'] + extra).collect { it.toString() }
def process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start()
def deadline = System.currentTimeMillis() + 30_000
while (!(log.exists() && log.text.contains('ready'))) {
    assert process.alive: "the GitHub emulator did not start:\n${log.text}"
    assert System.currentTimeMillis() < deadline: "the GitHub emulator was not ready within 30 s:\n${log.text}"
    Thread.sleep(50)
}
new File(basedir, 'emulator.pid').text = process.pid() as String

def config = new File(basedir, 'gh-config')
config.mkdirs()
new File(config, 'config.yml').text = "http_unix_socket: \"${socket.path}\"\n"
if (!(binding.hasVariable('noCredentials') && noCredentials)) {
    new File(config, 'hosts.yml').text = 'github.com:\n    oauth_token: "emulator-token"\n    user: it\n    git_protocol: https\n'
}
true

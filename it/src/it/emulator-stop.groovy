// Stops this case's GitHub emulator (run by the case's verify.groovy), and removes the temporary
// folder of its socket.
import java.util.concurrent.TimeUnit

def pid = new File(basedir, 'emulator.pid')
if (pid.exists()) {
    ProcessHandle.of(pid.text.trim() as long).ifPresent { it.destroy(); it.onExit().get(10, TimeUnit.SECONDS) }
}
def config = new File(basedir, 'gh-config/config.yml')
def socket = config.exists() ? (config.text =~ /http_unix_socket: "(.*)"/).with { it.find() ? new File(it.group(1)) : null } : null
if (socket?.parentFile?.name?.startsWith('spectral-gh')) {
    socket.parentFile.deleteDir()
}
true

// Stops this case's GitHub emulator (run by the case's verify.groovy).
def pid = new File(basedir, 'emulator.pid')
if (pid.exists()) {
    ProcessHandle.of(pid.text.trim() as long).ifPresent { it.destroy() }
}
true

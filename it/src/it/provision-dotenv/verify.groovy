evaluate(new File(basedir, '../../../src/it/emulator-stop.groovy'))
evaluate(new File(basedir, '../../../src/it/expect-log.groovy'))
evaluate(new File(basedir, '../../../src/it/fakes.groovy'))

def env = new File(basedir, '.env')
assert env.exists()
assert java.nio.file.Files.getPosixFilePermissions(env.toPath()) == java.nio.file.attribute.PosixFilePermissions.fromString('rw-------')
assert env.getText('UTF-8').contains("APP_ENV='dev'\n")
assert env.getText('UTF-8').contains("ANTHROPIC_API_KEY='" + vaultValue('anthropic-dev', 'credential') + "'\n")
assert ghCalls().isEmpty()
true

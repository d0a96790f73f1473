// The GitHub emulator, and gh pointed at it.
noCredentials = true
evaluate(new File(basedir, '../../../src/it/emulator-start.groovy'))

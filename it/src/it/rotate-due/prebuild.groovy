// The GitHub emulator, and gh pointed at it.
evaluate(new File(basedir, '../../../src/it/emulator-start.groovy'))

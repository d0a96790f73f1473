// A repository of its own with no .gitignore: a .env here could be committed.
['git', 'init', '-q', basedir.path].execute().waitFor()
// The GitHub emulator, and gh pointed at it.
evaluate(new File(basedir, '../../../src/it/emulator-start.groovy'))

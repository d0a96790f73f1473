// A repository of its own that ignores .env.
['git', 'init', '-q', basedir.path].execute().waitFor()
new File(basedir, '.gitignore').text = '.env\n'
// The GitHub emulator, and gh pointed at it.
evaluate(new File(basedir, '../../../src/it/emulator-start.groovy'))

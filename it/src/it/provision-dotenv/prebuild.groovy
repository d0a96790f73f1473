// A repository of its own that ignores .env.
['git', 'init', '-q', basedir.path].execute().waitFor()
new File(basedir, '.gitignore').text = '.env\n'
true

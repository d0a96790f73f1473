// A repository of its own with no .gitignore: a .env here could be committed.
['git', 'init', '-q', basedir.path].execute().waitFor()
true

evaluate(new File(basedir, '../../../src/it/expect-log.groovy'))
def log = new File(basedir, 'build.log').getText('UTF-8')
// The parent and app have no file: two skips, one line each; config is checked.
assert log.count('spectral:verify skipped: this module has no infra/environments.toml') == 2
true

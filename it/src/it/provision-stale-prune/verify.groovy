evaluate(new File(basedir, '../../../src/it/emulator-stop.groovy'))
evaluate(new File(basedir, '../../../src/it/expect-log.groovy'))
evaluate(new File(basedir, '../../../src/it/fakes.groovy'))

// More than a page of each (100 secrets, 30 variables per page): gh followed GitHub's Link headers.
assert requests().any { it.path.contains('/secrets?') && it.path.contains('page=2') }
assert requests().any { it.path.contains('/variables?') && it.path.contains('page=2') }
// The first run listed all 145 as stale and deleted none; the second pruned them, one gh call each.
assert ghEnv('production').secrets.keySet() == ['ANTHROPIC_API_KEY', 'CLOUDFLARE_API_TOKEN', 'SIGNING_KEY'] as Set
assert ghEnv('production').variables.keySet() == ['APP_ENV', 'LOG_LEVEL'] as Set
assert requests().count { it.method == 'DELETE' } == 145
assert ghCalls().count { it.contains('DELETE') } == 145
true

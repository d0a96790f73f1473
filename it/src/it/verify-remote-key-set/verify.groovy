// Remote verify of published key sets: production's SIGNING_KEY_JWKS holds the private key itself (d),
// staging's lacks the key that signs; the key's item is older than its max age. Nothing is written.
evaluate(new File(basedir, '../../../src/it/emulator-stop.groovy'))
evaluate(new File(basedir, '../../../src/it/expect-log.groovy'))
evaluate(new File(basedir, '../../../src/it/fakes.groovy'))

assert writes().isEmpty()
assert opCalls().every { !(it[0] == 'item' && it[1] in ['edit', 'create']) }
true

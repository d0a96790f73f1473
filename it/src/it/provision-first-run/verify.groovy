evaluate(new File(basedir, '../../../src/it/emulator-stop.groovy'))
evaluate(new File(basedir, '../../../src/it/expect-log.groovy'))
evaluate(new File(basedir, '../../../src/it/fakes.groovy'))

['production', 'staging'].each { env ->
    assert secret(env, 'ANTHROPIC_API_KEY') == vaultValue("anthropic-${env}", 'credential')
    assert secret(env, 'CLOUDFLARE_API_TOKEN') == vaultValue('cloudflare', 'api-token')
    assert secret(env, 'SIGNING_KEY') == vaultValue('signing-key', 'jwk')
    assert variable(env, 'APP_ENV') == env
}
assert variable('production', 'LOG_LEVEL') == 'info'
// Two runs: the variables were created by the first and left alone by the second.
assert ghCalls().count { it.contains('POST') } == 4
assert ghCalls().count { it.contains('PATCH') } == 0
// Each run resolved every reference with one op run.
assert opCalls().count { it[0] == 'run' } == 2
true

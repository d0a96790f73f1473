evaluate(new File(basedir, '../../../src/it/emulator-stop.groovy'))
evaluate(new File(basedir, '../../../src/it/expect-log.groovy'))
evaluate(new File(basedir, '../../../src/it/fakes.groovy'))

['production', 'staging'].each { env ->
    assert secret(env, 'CLOUDFLARE_API_TOKEN') == vaultValue('cloudflare', 'api-token')
    assert secret(env, 'SIGNING_KEY') == vaultValue('signing-key', 'jwk')
    assert secret(env, 'ANTHROPIC_API_KEY') == vaultValue("anthropic-${env}", 'credential')
}
true

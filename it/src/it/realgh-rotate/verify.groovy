evaluate(new File(basedir, '../../../src/it/emulator-stop.groovy'))
evaluate(new File(basedir, '../../../src/it/expect-log.groovy'))
evaluate(new File(basedir, '../../../src/it/fakes.groovy'))

def jwk = vaultValue('signing-key', 'jwk')
assert new groovy.json.JsonSlurper().parseText(jwk).crv == 'P-256'
assert secret('production', 'SIGNING_KEY') == jwk
assert secret('staging', 'SIGNING_KEY') == jwk
true

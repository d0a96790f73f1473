evaluate(new File(basedir, '../../../src/it/emulator-stop.groovy'))
evaluate(new File(basedir, '../../../src/it/expect-log.groovy'))
evaluate(new File(basedir, '../../../src/it/fakes.groovy'))

// What reached "GitHub" (decrypted by the emulator) is the 1Password value, but for the trailing
// newlines that gh strips (and the plugin warns about).
['json', 'dollar', 'unicode', 'big', 'token'].each { k ->
    assert secret('production', "SPECIAL_${k.toUpperCase()}") == vaultValue("special-${k}", 'value'): k
}
['pem', 'newline'].each { k ->
    assert secret('production', "SPECIAL_${k.toUpperCase()}") == vaultValue("special-${k}", 'value').replaceAll(/\n+$/, ''): k
}
assert secret('production', 'SPECIAL_BIG').length() == 40 * 1024
assert variable('production', 'APP_ENV') == 'production'
true

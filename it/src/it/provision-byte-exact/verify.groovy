evaluate(new File(basedir, '../../../src/it/expect-log.groovy'))
evaluate(new File(basedir, '../../../src/it/fakes.groovy'))

['pem', 'json', 'dollar', 'unicode'].each { k ->
    assert secret('production', "SPECIAL_${k.toUpperCase()}") == vaultValue("special-${k}", 'value'): k
}
// gh strips trailing newlines from secret values; the plugin warns about it.
assert secret('production', 'SPECIAL_NEWLINE') == vaultValue('special-newline', 'value').replaceAll(/\n+$/, '')
true

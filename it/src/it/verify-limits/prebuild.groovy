// Writes a file over GitHub's limits: 101 secrets, 101 variables and a 49153-byte literal.
def toml = new StringBuilder('[production]\n')
(0..100).each { toml << "SECRET_${it} = \"op://Spectral/item-${it}/value\"\n" }
(0..100).each { toml << "VAR_${it} = \"value-${it}\"\n" }
toml << "HUGE = \"${'a' * (48 * 1024 + 1)}\"\n"
new File(basedir, 'environments.toml').setText(toml.toString(), 'UTF-8')
true

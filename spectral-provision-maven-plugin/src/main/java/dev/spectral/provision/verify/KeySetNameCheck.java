package dev.spectral.provision.verify;

import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.Entry;
import dev.spectral.provision.config.Environment;
import dev.spectral.provision.config.Finding;
import dev.spectral.provision.keyset.KeySetNames;
import java.util.ArrayList;
import java.util.List;

/**
 * A key whose generator produces a private JWK publishes its key set as {@code <KEY>_JWKS}: the file
 * must not define that name itself, or the two would fight over one variable.
 */
public final class KeySetNameCheck implements Check {

    @Override
    public List<Finding> check(Config config, VerifySettings settings) {
        List<Finding> findings = new ArrayList<>();
        for (Environment env : config.environments()) {
            for (Entry key : settings.keySetEntries(config, env)) {
                String variable = KeySetNames.variable(key.key());
                env.entries().stream()
                        .filter(e -> e.key().equalsIgnoreCase(variable))
                        .findFirst()
                        .ifPresent(clash -> findings.add(Finding.error(
                                "key-set-name",
                                clash.position(),
                                env.name(),
                                clash.key(),
                                "is the name of " + key.key() + "'s public key set, which provision publishes itself",
                                "remove this entry (the set is derived from the key), or rename it")));
            }
        }
        return findings;
    }
}

package dev.spectral.provision.verify;

import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.Entry;
import dev.spectral.provision.config.Environment;
import dev.spectral.provision.config.Finding;
import java.util.ArrayList;
import java.util.List;

/** References may only read from the vaults the project allows (the {@code vaults} parameter). */
public final class VaultCheck implements Check {

    @Override
    public List<Finding> check(Config config, VerifySettings settings) {
        List<Finding> findings = new ArrayList<>();
        for (Environment env : config.environments()) {
            for (Entry entry : env.secrets()) {
                String vault = entry.reference().orElseThrow().vault();
                if (!settings.allowsVault(vault)) {
                    findings.add(Finding.error(
                            "vault",
                            entry.position(),
                            env.name(),
                            entry.key(),
                            "the reference reads from vault '" + vault + "', which is not allowed (allowed: "
                                    + String.join(
                                            ", ",
                                            settings.allowedVaults().stream()
                                                    .sorted()
                                                    .toList()) + ")",
                            "move the item to an allowed vault, or add '" + vault + "' to the plugin's <vaults>"));
                }
            }
        }
        return findings;
    }
}

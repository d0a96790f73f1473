package dev.spectral.provision.verify;

import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.Entry;
import dev.spectral.provision.config.Environment;
import dev.spectral.provision.config.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dev laptops never hold production secrets: a local environment (written to a {@code .env}) must not
 * reference a 1Password item that a published environment references, unless the item is listed in
 * {@code allowedSharedItems}.
 */
public final class LocalIsolationCheck implements Check {

    @Override
    public List<Finding> check(Config config, VerifySettings settings) {
        Map<String, String> publishedItems = new HashMap<>();
        for (Environment env : config.environments()) {
            if (!settings.isLocal(env.name())) {
                env.secrets()
                        .forEach(e -> publishedItems.putIfAbsent(
                                e.reference().orElseThrow().itemId(), env.name()));
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Environment env : config.environments()) {
            if (!settings.isLocal(env.name())) {
                continue;
            }
            for (Entry entry : env.secrets()) {
                String item = entry.reference().orElseThrow().itemId();
                String publishedIn = publishedItems.get(item);
                if (publishedIn != null && !settings.allowedSharedItems().contains(item)) {
                    findings.add(Finding.error(
                            "local-isolation",
                            entry.position(),
                            env.name(),
                            entry.key(),
                            "the local environment reads 1Password item '" + item + "', which [" + publishedIn
                                    + "] also uses: a .env on a laptop must not hold that environment's secrets",
                            "reference a dev-tier item instead, or add '" + item
                                    + "' to the plugin's <allowedSharedItems>"));
                }
            }
        }
        return findings;
    }
}

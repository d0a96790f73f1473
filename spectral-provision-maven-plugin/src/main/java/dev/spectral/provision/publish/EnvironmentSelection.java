package dev.spectral.provision.publish;

import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.Environment;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads {@code -Denv}: one name, a comma list ({@code production,staging}), or {@code all}. */
public final class EnvironmentSelection {

    public static final String ALL = "all";

    private EnvironmentSelection() {}

    public static List<Environment> select(String selection, Config config) throws ProvisionException {
        String known = String.join(", ", config.environmentNames());
        if (selection == null || selection.isBlank()) {
            throw new ProvisionException(
                    ProvisionException.Cause.CONFIGURATION,
                    "no environment given; pass -Denv=<name>, a comma list, or -Denv=all (known: " + known + ")");
        }
        if (selection.strip().equals(ALL)) {
            return config.environments();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : selection.split(",")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        List<Environment> selected = new ArrayList<>();
        for (String name : names) {
            selected.add(config.environment(name)
                    .orElseThrow(() -> new ProvisionException(
                            ProvisionException.Cause.CONFIGURATION,
                            "unknown environment '" + name + "' in -Denv; " + config.file() + " has: " + known
                                    + " (or use -Denv=all)")));
        }
        return selected;
    }
}

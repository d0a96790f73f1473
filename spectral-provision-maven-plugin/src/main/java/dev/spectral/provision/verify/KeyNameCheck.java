package dev.spectral.provision.verify;

import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.Entry;
import dev.spectral.provision.config.Environment;
import dev.spectral.provision.config.Finding;
import dev.spectral.provision.config.Position;
import dev.spectral.provision.config.RotationSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keys must be valid GitHub secret and variable names: {@code [A-Za-z0-9_]}, not starting with a
 * digit or {@code GITHUB_}, unique within an environment ignoring case (GitHub stores them upper-case).
 */
public final class KeyNameCheck implements Check {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String RESERVED_PREFIX = "GITHUB_";

    @Override
    public List<Finding> check(Config config, VerifySettings settings) {
        List<Finding> findings = new ArrayList<>();
        for (Environment env : config.environments()) {
            Map<String, Entry> seen = new HashMap<>();
            for (Entry entry : env.entries()) {
                checkName(entry.key(), env.name(), entry.position(), findings);
                Entry twin = seen.putIfAbsent(entry.key().toUpperCase(Locale.ROOT), entry);
                if (twin != null) {
                    findings.add(Finding.error(
                            "key-name",
                            entry.position(),
                            env.name(),
                            entry.key(),
                            "the key differs from " + twin.key() + " (" + twin.position()
                                    + ") only by case, and GitHub stores names upper-case",
                            "keep one of the two"));
                }
            }
        }
        for (RotationSpec spec : config.rotations()) {
            checkName(spec.key(), null, spec.position(), findings);
        }
        return findings;
    }

    private static void checkName(String key, String environment, Position at, List<Finding> findings) {
        if (!NAME.matcher(key).matches()) {
            String why = !key.isEmpty() && Character.isDigit(key.charAt(0))
                    ? "a name must not start with a digit"
                    : "a name may hold only letters, digits and '_'";
            findings.add(Finding.error(
                    "key-name",
                    at,
                    environment,
                    key,
                    "'" + key + "' is not a valid GitHub secret or variable name: " + why,
                    "rename it, for example " + suggest(key)));
        } else if (key.toUpperCase(Locale.ROOT).startsWith(RESERVED_PREFIX)) {
            findings.add(Finding.error(
                    "key-name",
                    at,
                    environment,
                    key,
                    "names starting with GITHUB_ are reserved by GitHub",
                    "rename it, for example APP_" + key.substring(RESERVED_PREFIX.length())));
        }
    }

    private static String suggest(String key) {
        String cleaned = key.replaceAll("[^A-Za-z0-9_]", "_").toUpperCase(Locale.ROOT);
        return cleaned.isEmpty() || Character.isDigit(cleaned.charAt(0)) ? "_" + cleaned : cleaned;
    }
}

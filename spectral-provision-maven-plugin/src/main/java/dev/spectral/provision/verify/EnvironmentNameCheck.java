package dev.spectral.provision.verify;

import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.Environment;
import dev.spectral.provision.config.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Environment names must be valid GitHub Environment names that gh can put in a URL unescaped:
 * at most 255 characters of {@code [A-Za-z0-9._-]}, unique ignoring case (GitHub ignores case).
 */
public final class EnvironmentNameCheck implements Check {

    static final int MAX_LENGTH = 255;
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+");

    @Override
    public List<Finding> check(Config config, VerifySettings settings) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Environment> seen = new HashMap<>();
        for (Environment env : config.environments()) {
            String name = env.name();
            if (name.length() > MAX_LENGTH) {
                findings.add(Finding.error(
                        "environment-name",
                        env.position(),
                        name,
                        null,
                        "the environment name has " + name.length() + " characters; GitHub allows at most "
                                + MAX_LENGTH,
                        "shorten the table name"));
            }
            if (!SAFE.matcher(name).matches()) {
                findings.add(Finding.error(
                        "environment-name",
                        env.position(),
                        name,
                        null,
                        "the environment name has characters other than letters, digits, '.', '_' and '-'",
                        "rename the table, for example [" + name.replaceAll("[^A-Za-z0-9._-]", "-") + "]"));
            }
            Environment twin = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), env);
            if (twin != null) {
                findings.add(Finding.error(
                        "environment-name",
                        env.position(),
                        name,
                        null,
                        "environment [" + name + "] differs from [" + twin.name() + "] (" + twin.position()
                                + ") only by case, and GitHub ignores case in environment names",
                        "merge the two tables or rename one"));
            }
        }
        return findings;
    }
}

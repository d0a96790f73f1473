package dev.spectral.provision.verify;

import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.Entry;
import dev.spectral.provision.config.Environment;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the checks need to know beyond the file.
 *
 * @param allowedVaults vaults references may read from; empty means any vault
 * @param localEnvironments environments written to a local {@code .env} instead of GitHub
 * @param allowedSharedItems 1Password items ({@code vault/item}) a local environment may share with a
 *     published one (compared ignoring case)
 * @param generatorIds the ids of the generators on the plugin's classpath
 * @param keySetGeneratorIds the ids of those that produce a private JWK: their keys publish a key set
 * @param allowedLiterals literals that a secret rule flags but that are not secrets (the plugin's
 *     {@code <allowedLiterals>}); copied, so later changes to the entries do not reach the settings
 */
public record VerifySettings(
        Set<String> allowedVaults,
        Set<String> localEnvironments,
        Set<String> allowedSharedItems,
        Set<String> generatorIds,
        Set<String> keySetGeneratorIds,
        List<AllowedLiteral> allowedLiterals) {

    public VerifySettings {
        allowedVaults = Set.copyOf(allowedVaults);
        localEnvironments = Set.copyOf(localEnvironments);
        allowedSharedItems = lowerCase(allowedSharedItems);
        generatorIds = Set.copyOf(generatorIds);
        keySetGeneratorIds = Set.copyOf(keySetGeneratorIds);
        allowedLiterals = allowedLiterals.stream().map(AllowedLiteral::copy).toList();
    }

    /** Settings whose generators publish no key sets. */
    public VerifySettings(
            Set<String> allowedVaults,
            Set<String> localEnvironments,
            Set<String> allowedSharedItems,
            Set<String> generatorIds,
            List<AllowedLiteral> allowedLiterals) {
        this(allowedVaults, localEnvironments, allowedSharedItems, generatorIds, Set.of(), allowedLiterals);
    }

    /** The entries of an environment that publish a key set: secrets whose rotation spec names a JWK generator. */
    public List<Entry> keySetEntries(Config config, Environment environment) {
        return environment.secrets().stream()
                .filter(entry -> config.rotation(entry.key())
                        .filter(spec -> spec.generatedBy(keySetGeneratorIds::contains))
                        .isPresent())
                .toList();
    }

    /** True when any vault is allowed, or this one is (1Password ignores case in names). */
    public boolean allowsVault(String vault) {
        return allowedVaults.isEmpty() || allowedVaults.stream().anyMatch(v -> v.equalsIgnoreCase(vault));
    }

    public boolean isLocal(String environment) {
        return localEnvironments.contains(environment);
    }

    private static Set<String> lowerCase(Set<String> names) {
        Objects.requireNonNull(names);
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}

package dev.spectral.provision.verify;

import java.util.List;
import java.util.Set;

/** Settings as the plugin's defaults give them, with the built-in generator ids. */
final class Settings {

    static final Set<String> GENERATORS = Set.of("es256-jwk", "random-token");

    private Settings() {}

    static VerifySettings defaults() {
        return new VerifySettings(Set.of(), Set.of("dev"), Set.of(), GENERATORS, Set.of("es256-jwk"), List.of());
    }

    static VerifySettings vaults(String... vaults) {
        return new VerifySettings(Set.of(vaults), Set.of("dev"), Set.of(), GENERATORS, List.of());
    }

    static VerifySettings allowingLiterals(AllowedLiteral... entries) {
        return new VerifySettings(Set.of(), Set.of("dev"), Set.of(), GENERATORS, List.of(entries));
    }

    static VerifySettings allowingShared(String... items) {
        return new VerifySettings(Set.of(), Set.of("dev"), Set.of(items), GENERATORS, List.of());
    }
}

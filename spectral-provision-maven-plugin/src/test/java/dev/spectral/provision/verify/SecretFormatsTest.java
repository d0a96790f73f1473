package dev.spectral.provision.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spectral.provision.verify.FormatSamples.Format;
import dev.spectral.provision.verify.scan.SecretRule;
import dev.spectral.provision.verify.scan.SecretRules;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule that reads the value only, over values of its documented shape and near misses: a value in a
 * known format is found whatever its key is called (the vendor's name, a neutral {@code SETTING_07}, a name
 * that says "public"), and the near misses pass under a neutral name.
 */
class SecretFormatsTest {

    private static final List<String> KEYS_THAT_DO_NOT_MATTER =
            List.of("SETTING_07", "PUBLIC_KEY", "KEY_ID", "APP_ENV");
    private static final Set<String> NAME_READING_RULES = Set.of("password", "high-entropy");

    static List<Format> formats() {
        return FormatSamples.all();
    }

    private static Optional<String> flag(String key, String value) {
        return SecretRules.firstMatch(SecretRules.DEFAULT, key, value).map(SecretRule::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void findsTheFormatUnderAnyName(Format format) {
        assertTrue(format.positives().size() >= 3, "at least three examples");
        for (String value : format.positives()) {
            assertEquals(Optional.of(format.rule()), flag(format.key(), value), () -> format.key() + " = " + value);
            for (String key : KEYS_THAT_DO_NOT_MATTER) {
                assertEquals(Optional.of(format.rule()), flag(key, value), () -> key + " = " + value);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void passesNearMissesUnderANeutralName(Format format) {
        assertFalse(format.negatives().isEmpty(), "at least one near miss");
        for (String value : format.negatives()) {
            assertEquals(Optional.empty(), flag("SETTING_07", value), () -> "SETTING_07 = " + value);
        }
    }

    @Test
    void everyValueOnlyRuleHasSamples() {
        Set<String> sampled = formats().stream().map(Format::rule).collect(Collectors.toSet());
        Set<String> valueOnly = SecretRules.DEFAULT.stream()
                .map(SecretRule::id)
                .filter(id -> !NAME_READING_RULES.contains(id))
                .filter(id -> !Set.of("supabase-service-role", "private-jwk", "jwt")
                        .contains(id)) // LiteralCorpus, ScanPartsTest
                .collect(Collectors.toSet());
        Set<String> missing =
                valueOnly.stream().filter(id -> !sampled.contains(id)).collect(Collectors.toSet());
        assertEquals(Set.of(), missing);
        assertEquals(formats().size(), sampled.size(), "one entry per rule");
    }

    @Test
    void ruleIdsAreUnique() {
        List<String> ids = SecretRules.DEFAULT.stream().map(SecretRule::id).toList();
        assertEquals(ids.size(), Set.copyOf(ids).size(), ids::toString);
    }
}

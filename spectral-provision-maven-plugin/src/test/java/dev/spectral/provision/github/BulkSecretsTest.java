package dev.spectral.provision.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spectral.provision.secret.Redactor;
import dev.spectral.provision.secret.SecretValue;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BulkSecretsTest {

    private final Redactor redactor = new Redactor();

    @ParameterizedTest
    @ValueSource(strings = {"sk-ant-api03-abcDEF_123", "p@ss$word:with=signs", "ключ-✓", "a b c", "{{ op://x/y/z }}"})
    void oneLineValuesWithoutQuotesBackslashesOrHashesGoTogether(String value) {
        assertTrue(BulkSecrets.passesUnchanged(SecretValue.of(value, redactor)), value);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "it's",
                "say \"hi\"",
                "ends-with\\",
                "has#hash",
                "two\nlines",
                "trailing\n",
                " leading",
                "trailing ",
                "cr\r"
            })
    void everythingElseGoesAlone(String value) {
        assertFalse(BulkSecrets.passesUnchanged(SecretValue.of(value, redactor)), value);
    }

    @Test
    void writesSingleQuotedDotenvLines() {
        byte[] dotenv = BulkSecrets.dotenv(Map.of("API_KEY", SecretValue.of("p@ss$word", redactor)));

        assertEquals("API_KEY='p@ss$word'\n", new String(dotenv, StandardCharsets.UTF_8));
    }

    @Test
    void refusesAValueItCannotCarryWithoutNamingTheValue() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> BulkSecrets.dotenv(Map.of("PEM", SecretValue.of("line1\nline2-secret", redactor))));

        assertTrue(e.getMessage().startsWith("PEM:"));
        assertFalse(e.getMessage().contains("line2-secret"));
    }
}

package dev.spectral.provision.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DotEnvFormatTest {

    @Test
    void writesTheHeaderAsCommentsAndEveryValueSingleQuotedInOrder() throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("Z_FIRST", "plain");
        values.put("A_SECOND", "two words");

        String rendered = DotEnvFormat.render("Written by a test.\nNever commit.", values);

        assertEquals("# Written by a test.\n# Never commit.\nZ_FIRST='plain'\nA_SECOND='two words'\n", rendered);
    }

    @Test
    void keepsEveryOtherCharacterVerbatim() throws Exception {
        String pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkq\n-----END PRIVATE KEY-----\n";
        Map<String, String> values = new LinkedHashMap<>();
        values.put("PEM", pem);
        values.put("SHELLISH", "$HOME ${PATH} $(id) `id`");
        values.put("JSON", "{\"kty\":\"EC\",\"crv\":\"P-256\"}");
        values.put("HASH", "abc # not a comment");
        values.put("TEMPLATE", "{{ op://Spectral/x/y }}");
        values.put("UNICODE", "naïve ☃ 🔑 日本語");
        values.put("TRAILING", "ends with newlines\n\n");
        values.put("CRLF", "a\r\nb");

        String rendered = DotEnvFormat.render("h", values);

        StringBuilder expected = new StringBuilder("# h\n");
        values.forEach((k, v) -> expected.append(k).append("='").append(v).append("'\n"));
        assertEquals(expected.toString(), rendered);
    }

    @ParameterizedTest
    @ValueSource(strings = {"it's-a-secret-4711", "back\\slash-secret-4711", "ends-with-backslash-4711\\"})
    void refusesAValueWithASingleQuoteOrABackslashNamingTheKeyNotTheValue(String value) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("FINE", "ok");
        values.put("TRICKY_KEY", value);

        DotEnvFormat.UnwritableValueException e = assertThrows(DotEnvFormat.UnwritableValueException.class,
                () -> DotEnvFormat.render("h", values));

        assertTrue(e.getMessage().contains("TRICKY_KEY"), e.getMessage());
        assertFalse(e.getMessage().contains("4711"), e.getMessage());
        assertFalse(e.getMessage().contains(value), e.getMessage());
    }
}

package dev.spectral.provision.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spectral.provision.publish.DotEnvFormat.Form;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules alone; {@link DotEnvLoadersTest} reads the written file back with the loaders themselves. */
class DotEnvFormatTest {

    @Test
    void writesTheHeaderAsCommentsAndEveryValueInOrder() throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("Z_FIRST", "plain");
        values.put("A_SECOND", "two words");
        values.put("WINDOWS", "C:\\Users\\x");
        values.put("APOSTROPHE", "it's");
        values.put("UNC", "\\\\server\\share");

        String rendered = DotEnvFormat.render("dev", "Written by a test.\nNever commit.", values);

        assertEquals(
                "# Written by a test.\n# Never commit.\nZ_FIRST='plain'\nA_SECOND='two words'\n"
                        + "WINDOWS='C:\\Users\\x'\nAPOSTROPHE=\"it's\"\nUNC=\\\\server\\share\n",
                rendered);
    }

    @Test
    void keepsEverythingElseSingleQuotedAndVerbatim() throws Exception {
        String pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkq\n-----END PRIVATE KEY-----\n";
        Map<String, String> values = new LinkedHashMap<>();
        values.put("PEM", pem);
        values.put("SHELLISH", "$HOME $PATH $(id) `id` $ {x} ${x");
        values.put("JSON", "{\"kty\":\"EC\",\n \"crv\":\"P-256\"}");
        values.put("HASH", "abc # not a comment");
        values.put("TEMPLATE", "{{ op://Spectral/x/y }}");
        values.put("UNICODE", "naïve ☃ 🔑 日本語\u2028\u00a0");
        values.put("TRAILING", "ends with newlines\n\n");
        values.put("SPACES", "  both ends  ");
        values.put("EMPTY", "");
        values.put("REGEX", "^\\d+\\.\\w*$");
        values.put("ESCAPE_LOOKALIKES", "a\\nb\\tc\\rd");

        String rendered = DotEnvFormat.render("dev", "h", values);

        StringBuilder expected = new StringBuilder("# h\n");
        values.forEach((k, v) -> expected.append(k).append("='").append(v).append("'\n"));
        assertEquals(expected.toString(), rendered);
    }

    static java.util.stream.Stream<Arguments> forms() {
        return java.util.stream.Stream.of(
                // Single quotes: any backslash but \\ and a final one.
                Arguments.of("C:\\Users\\x", Form.SINGLE_QUOTED),
                Arguments.of("^\\d+\\.\\w*$", Form.SINGLE_QUOTED),
                Arguments.of("say \"hi\"", Form.SINGLE_QUOTED),
                Arguments.of("\"", Form.SINGLE_QUOTED),
                // Double quotes: a ', with no " and no backslash escape that python-dotenv would decode.
                Arguments.of("it's", Form.DOUBLE_QUOTED),
                Arguments.of("'", Form.DOUBLE_QUOTED),
                Arguments.of("l'été\n# not a comment\nX='1'\n", Form.DOUBLE_QUOTED),
                Arguments.of("it's C:\\Users\\x", Form.DOUBLE_QUOTED),
                Arguments.of(" it's $HOME `id` ", Form.DOUBLE_QUOTED),
                // Unquoted: one line, no #, nothing trimmed, not starting like a quoted value.
                Arguments.of("\\\\server\\share", Form.UNQUOTED),
                Arguments.of("ends-with-backslash\\", Form.UNQUOTED),
                Arguments.of("\\", Form.UNQUOTED),
                Arguments.of("it's \"quoted\"", Form.UNQUOTED),
                Arguments.of("it's\\n", Form.UNQUOTED),
                Arguments.of("a\\'", Form.UNQUOTED),
                Arguments.of("it's \"x\"\u0001", Form.UNQUOTED),
                Arguments.of("it's \"x\" \u000b\u0085\u2028 y", Form.UNQUOTED));
    }

    @ParameterizedTest
    @MethodSource("forms")
    void takesTheFirstFormThatEveryLoaderReadsBack(String value, Form form) {
        assertEquals(Optional.of(form), DotEnvFormat.form(value));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a\rb",
                "a\r\nb",
                "ends with a carriage return\r",
                "a\0b",
                "${HOME}",
                "prefix ${X} suffix",
                "${}",
                "${X:-default}",
                "$${X}",
                "it's \"both\"\non two lines",
                "it's\nC:\\\\share",
                "it's\nends with a backslash\\",
                "it's \"quoted\" # and a hash",
                " it's \"padded\" ",
                "'it \"starts\" with a quote",
                "`it's \"wrapped\"`",
                "`it's \"x\"",
                "\"it's\" a\\tb",
                "it's \"x\"\u00a0",
            })
    void refusesAValueNoFormCarries(String value) {
        assertEquals(Optional.empty(), DotEnvFormat.form(value));
    }

    @Test
    void refusesTheWholeFileNamingEveryKeyTheEnvironmentAndTheReasonButNoValue() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("FINE", "ok-secret-4711");
        values.put("CR_KEY", "line-4711\r\n");
        values.put("VAR_KEY", "pre-4711-${X}");
        values.put("QUOTES_KEY", "it's \"secret-4711\"\nsecond line");
        values.put("NUL_KEY", "a\0secret-4711");

        DotEnvFormat.UnwritableValueException e = assertThrows(
                DotEnvFormat.UnwritableValueException.class, () -> DotEnvFormat.render("dev", "h", values));

        String message = e.getMessage();
        assertTrue(
                message.startsWith(
                        "4 value(s) of environment 'dev' cannot be written to the .env so that "
                                + "dotenv (Node), Node's --env-file and python-dotenv all read them back unchanged; nothing was written."),
                message);
        assertTrue(message.contains("CR_KEY: it holds a carriage return (\\r)"), message);
        assertTrue(message.contains("VAR_KEY: it holds ${...}, which python-dotenv replaces"), message);
        assertTrue(
                message.contains("QUOTES_KEY: in single quotes, its ' ends the value for Node's --env-file and "
                        + "python-dotenv; in double quotes, its \" ends the value for Node's --env-file and python-dotenv; "
                        + "unquoted, a line break ends it in every loader."),
                message);
        assertTrue(message.contains("NUL_KEY: it holds a NUL character"), message);
        assertTrue(message.contains("Keep such keys out of environment 'dev'"), message);
        assertTrue(message.contains("publish 'dev' to GitHub instead of a .env"), message);
        assertFalse(message.contains("FINE"), message);
        assertFalse(message.contains("4711"), message);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "it's \"x\"\nC:\\\\share-4711",
                "it's\n\\n-4711",
                "it's\nends-4711\\",
                "it's \"x\" #4711",
                "it's \"x\" 4711 ",
                "'it \"4711\"",
                "\"it's\" 4711\\t",
                "`it's \"4711\"`",
            })
    void explainsForEachFormWhichLoaderWouldMisreadIt(String value) {
        String reason = DotEnvFormat.refusal(value);

        assertTrue(reason.startsWith("in single quotes, "), reason);
        assertTrue(reason.contains("; in double quotes, "), reason);
        assertTrue(reason.contains("; unquoted, "), reason);
        assertFalse(reason.contains("?"), reason);
        assertFalse(reason.contains("4711"), reason);
        assertTrue(reason.contains("python-dotenv") || reason.contains("Node"), reason);
    }
}

package dev.spectral.provision.github;

import dev.spectral.provision.secret.SecretValue;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The dotenv text for {@code gh secret set -f -}, which sets many secrets in one call.
 *
 * <p>gh parses that text with joho/godotenv, whose rules changed between versions (1.4 parses line
 * by line, 1.5 allows multi-line quotes; unquoted and double-quoted values expand {@code $VAR};
 * comment handling counts quotes around {@code #}; a value ending in a backslash escapes its closing
 * quote). A value goes this way only when every version provably reads it back unchanged: one line,
 * written in single quotes (literal, no expansion in any version), with no {@code '}, {@code "},
 * {@code \}, {@code #}, and no leading or trailing whitespace. Every other value is set on its own.
 */
public final class BulkSecrets {

    private static final Pattern SAFE = Pattern.compile("[^'\"\\\\#\r\n]+");

    private BulkSecrets() {}

    public static boolean passesUnchanged(SecretValue value) {
        String text = value.reveal();
        return SAFE.matcher(text).matches() && text.strip().equals(text);
    }

    static byte[] dotenv(Map<String, SecretValue> secrets) {
        StringBuilder out = new StringBuilder();
        secrets.forEach((name, value) -> {
            if (!passesUnchanged(value)) {
                throw new IllegalArgumentException(name + ": this value cannot be set through dotenv unchanged");
            }
            out.append(name).append("='").append(value.reveal()).append("'\n");
        });
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}

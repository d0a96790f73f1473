package dev.spectral.provision.publish;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes values so that common dotenv loaders (docker compose, dotenv for Node, python-dotenv,
 * godotenv) read them back byte-exact.
 *
 * <p>Every value goes in single quotes: none of those loaders expands {@code $} or escapes inside
 * them, and all accept newlines within. A value holding a single quote or a backslash cannot be
 * written so that all of them agree (python-dotenv unescapes {@code \\} and {@code \'} even in single
 * quotes; the others do not), so it is refused rather than silently altered.
 */
public final class DotEnvFormat {

    private DotEnvFormat() {
    }

    /** A value the loaders would not all read back as written. The message names the key, never the value. */
    public static final class UnwritableValueException extends Exception {
        private static final long serialVersionUID = 1L;

        UnwritableValueException(String message) {
            super(message);
        }
    }

    public static String render(String header, Map<String, String> values) throws UnwritableValueException {
        StringBuilder out = new StringBuilder();
        header.lines().forEach(line -> out.append("# ").append(line).append('\n'));
        for (Map.Entry<String, String> entry : new LinkedHashMap<>(values).entrySet()) {
            String value = entry.getValue();
            if (value.indexOf('\'') >= 0 || value.indexOf('\\') >= 0) {
                throw new UnwritableValueException(entry.getKey() + ": the value holds a single quote or a backslash, which "
                        + "dotenv loaders read back differently; nothing was written. Store it base64-encoded, or publish "
                        + "this environment to GitHub instead of a .env");
            }
            out.append(entry.getKey()).append("='").append(value).append("'\n");
        }
        return out.toString();
    }
}

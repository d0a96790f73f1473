package dev.spectral.it.github;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** GitHub's rules for secret, variable and environment names and value sizes. */
final class Names {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final int MAX_VALUE_BYTES = 48 * 1024;
    static final int MAX_ENVIRONMENT_NAME = 255;

    private Names() {}

    /** Validates a secret or variable name and returns it upper-cased, as GitHub stores it. */
    static String secretOrVariable(String kind, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ApiException(
                    422,
                    kind + " names can only contain alphanumeric characters ([a-z], [A-Z], [0-9])"
                            + " or underscores (_), and cannot start with a number.");
        }
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.startsWith("GITHUB_")) {
            throw new ApiException(422, kind + " names must not start with GITHUB_.");
        }
        return upper;
    }

    static String environment(String name) {
        if (name.isEmpty()
                || name.length() > MAX_ENVIRONMENT_NAME
                || name.chars().anyMatch(Character::isISOControl)) {
            throw new ApiException(422, "Environment name is invalid.");
        }
        return name;
    }

    static void checkValueSize(String kind, int bytes) {
        if (bytes > MAX_VALUE_BYTES) {
            throw new ApiException(
                    422, kind + " value is too large: " + bytes + " bytes, the limit is " + MAX_VALUE_BYTES + ".");
        }
    }

    static void checkValueSize(String kind, String value) {
        checkValueSize(kind, value.getBytes(StandardCharsets.UTF_8).length);
    }
}

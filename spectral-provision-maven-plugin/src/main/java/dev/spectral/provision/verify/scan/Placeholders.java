package dev.spectral.provision.verify.scan;

import java.util.regex.Pattern;

/**
 * Text that stands for a value rather than being one: {@code ${DB_PASSWORD}}, {@code $TOKEN},
 * {@code {{ token }}}, {@code <password>}, {@code %PASSWORD%}, {@code ****}. A URL or a password made of
 * a placeholder holds no secret.
 */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\$\\{[^}]*}|\\$[A-Za-z_][A-Za-z0-9_]*|\\{\\{[^}]*}}|<[^<>]*>|%[A-Za-z_][A-Za-z0-9_]*%|\\*+|x+|X+");

    private Placeholders() {}

    static boolean isPlaceholder(String text) {
        return PLACEHOLDER.matcher(text.strip()).matches();
    }
}

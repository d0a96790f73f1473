package dev.spectral.provision.verify.scan;

import dev.spectral.provision.verify.SecretRule;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL or DSN with an embedded password: {@code scheme://user:password@host} (the user may be empty, as
 * in {@code redis://:password@host}), or a {@code password=} / {@code pwd=} parameter of a URL query or a
 * key-value DSN ({@code host=db user=app password=...}). A password that is a placeholder
 * ({@code ${DB_PASSWORD}}) is not one.
 */
public record UrlPasswordRule(String id, String description) implements SecretRule {

    private static final List<Pattern> PASSWORDS = List.of(
            Pattern.compile("\\b[A-Za-z][A-Za-z0-9+.-]*://[^/?#@:\\s]*:([^/?#@\\s]+)@"),
            Pattern.compile("(?i)(?:^|[?&;\\s])(?:password|passwd|pwd)=([^&;\\s]+)"));

    @Override
    public boolean matches(String key, String value) {
        for (Pattern pattern : PASSWORDS) {
            Matcher m = pattern.matcher(value);
            while (m.find()) {
                if (!Placeholders.isPlaceholder(m.group(1))) {
                    return true;
                }
            }
        }
        return false;
    }
}

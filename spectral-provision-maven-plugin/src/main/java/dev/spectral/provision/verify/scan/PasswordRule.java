package dev.spectral.provision.verify.scan;

import java.util.regex.Pattern;

/**
 * A key whose name's head is a password ({@code DB_PASSWORD}, {@code SMTP_PASS}) holding a literal.
 * People choose passwords, so they are short and low in entropy, and the entropy rule misses them:
 * here the name is enough. Not flagged: an empty value, a placeholder ({@code ${DB_PASSWORD}}), a
 * boolean-like word ({@code none}, {@code false}: no password), a file path, a URL or an ARN (where the
 * password is, not what it is).
 */
public record PasswordRule(String id, String description) implements SecretRule {

    private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:\\S+");

    @Override
    public boolean matches(String key, String value) {
        String text = value.strip();
        return KeyNames.namesPassword(key)
                && !text.isEmpty()
                && !Placeholders.isPlaceholder(text)
                && !PublicValues.isBooleanLike(text)
                && !PublicValues.isPath(text)
                && !PublicValues.isUrl(text)
                && !ARN.matcher(text).matches();
    }
}

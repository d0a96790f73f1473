package dev.spectral.provision.verify.scan;

import dev.spectral.provision.verify.SecretRule;
import java.util.Objects;
import java.util.regex.Pattern;

/** A credential with a recognisable prefix or shape, found anywhere in the value. The key is not read. */
public record PatternRule(String id, String description, Pattern pattern) implements SecretRule {

    public PatternRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(pattern, "pattern");
    }

    public static PatternRule of(String id, String description, String regex) {
        return new PatternRule(id, description, Pattern.compile(regex));
    }

    @Override
    public boolean matches(String key, String value) {
        return pattern.matcher(value).find();
    }
}

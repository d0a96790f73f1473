package dev.spectral.provision.config;

import java.util.Objects;
import java.util.Optional;

/** One {@code KEY = value} line of an environment table. */
public record Entry(String key, Value value, Position position) {

    public Entry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(position, "position");
    }

    public boolean isSecret() {
        return value instanceof Value.Secret;
    }

    public Optional<OpReference> reference() {
        return value instanceof Value.Secret secret ? Optional.of(secret.reference()) : Optional.empty();
    }

    public Optional<String> literal() {
        return value instanceof Value.Literal literal ? Optional.of(literal.text()) : Optional.empty();
    }
}

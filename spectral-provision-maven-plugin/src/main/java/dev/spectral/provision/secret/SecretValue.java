package dev.spectral.provision.secret;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A resolved secret. It prints as {@value Redactor#MASK} so that no log line, exception or report
 * can carry it by accident; only {@link #reveal()} and {@link #bytes()} give the value, for stdin
 * of a child process or the local {@code .env}.
 */
public final class SecretValue {

    private final String value;

    private SecretValue(String value) {
        this.value = Objects.requireNonNull(value);
    }

    /** Wraps a value and registers it with the run's redactor. */
    public static SecretValue of(String value, Redactor redactor) {
        redactor.register(value);
        return new SecretValue(value);
    }

    public String reveal() {
        return value;
    }

    public byte[] bytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    public boolean endsWithNewline() {
        return value.endsWith("\n") || value.endsWith("\r");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretValue s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return Redactor.MASK;
    }
}

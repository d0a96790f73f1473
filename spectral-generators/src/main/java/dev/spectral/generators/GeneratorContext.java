package dev.spectral.generators;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What a generator may use to mint a value.
 *
 * @param key the name of the key being rotated, for example {@code SPECTRAL_DELEGATION_SIGNING_KEY}
 * @param environment the environment being rotated when the scope is {@code per-env}; empty for
 *     {@code shared}
 * @param random the only source of randomness a generator may use
 * @param clock the only source of time a generator may use (for time-stamped key ids)
 */
public record GeneratorContext(String key, Optional<String> environment, SecureRandom random, Clock clock) {

    public GeneratorContext {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(clock, "clock");
    }

    /** A context with a fresh {@link SecureRandom} and the system clock. */
    public static GeneratorContext of(String key, Optional<String> environment) {
        return new GeneratorContext(key, environment, new SecureRandom(), Clock.systemUTC());
    }
}

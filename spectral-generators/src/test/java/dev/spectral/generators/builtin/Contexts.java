package dev.spectral.generators.builtin;

import dev.spectral.generators.GeneratorContext;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** Generator contexts for tests: a real random source, or a seeded one for repeatable runs. */
final class Contexts {

    private static final Clock FIXED_CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private Contexts() {}

    static GeneratorContext fresh() {
        return GeneratorContext.of("TEST_KEY", Optional.empty());
    }

    /**
     * A context whose randomness is fully determined by {@code seed}: SHA1PRNG seeded before its
     * first use ignores the system entropy, so two contexts with the same seed produce the same
     * bytes. Only a generator that draws from the context alone then repeats its output.
     */
    static GeneratorContext seeded(String seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed.getBytes(StandardCharsets.UTF_8));
            return new GeneratorContext("TEST_KEY", Optional.empty(), random, FIXED_CLOCK);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}

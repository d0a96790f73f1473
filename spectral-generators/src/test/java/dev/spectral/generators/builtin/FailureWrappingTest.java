package dev.spectral.generators.builtin;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spectral.generators.GenerationException;
import dev.spectral.generators.GeneratorContext;
import dev.spectral.generators.GeneratorRegistry;
import dev.spectral.generators.SecretGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * When the random source fails, every built-in reports a {@link GenerationException} (so rotation
 * stops cleanly) rather than letting a library's runtime exception escape.
 */
class FailureWrappingTest {

    private static final String FAILURE = "entropy source gone";

    @Test
    void everyBuiltInWrapsAFailingRandomSource() throws Exception {
        GeneratorContext broken =
                new GeneratorContext("BROKEN_KEY", Optional.empty(), new FailingRandom(), Clock.systemUTC());
        GeneratorRegistry registry = GeneratorRegistry.load(getClass().getClassLoader());

        for (String id : registry.ids()) {
            SecretGenerator generator = registry.find(id).orElseThrow();
            GenerationException e = assertThrows(GenerationException.class, () -> generator.generate(broken), id);
            assertAll(
                    id,
                    () -> assertTrue(e.getMessage().contains("BROKEN_KEY"), e.getMessage()),
                    () -> assertFalse(e.getMessage().contains(FAILURE), "our message is our own text"),
                    () -> assertTrue(causes(e, FAILURE), "the original failure is kept as the cause"));
        }
    }

    private static boolean causes(Throwable e, String message) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (message.equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** A random source that fails on first use, as a broken entropy source would. */
    private static final class FailingRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;

        @Override
        public void nextBytes(byte[] bytes) {
            throw new IllegalStateException(FAILURE);
        }
    }
}

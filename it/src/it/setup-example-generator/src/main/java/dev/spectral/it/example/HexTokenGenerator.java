package dev.spectral.it.example;

import dev.spectral.generators.GenerationException;
import dev.spectral.generators.GeneratorContext;
import dev.spectral.generators.SecretGenerator;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * {@code hex-token}: 256 random bits as 64 lower-case hex characters, for systems that only accept
 * hex secrets. An example of a third-party generator: it uses the JDK alone and takes every
 * random bit from the context.
 */
public final class HexTokenGenerator implements SecretGenerator {

    private static final int BYTES = 32;

    @Override
    public String id() {
        return "hex-token";
    }

    @Override
    public String description() {
        return "256-bit random token as 64 lower-case hex characters";
    }

    @Override
    public String generate(GeneratorContext context) throws GenerationException {
        byte[] bytes = new byte[BYTES];
        try {
            context.random().nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        } catch (RuntimeException e) {
            throw new GenerationException("Could not draw random bytes for " + context.key(), e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}

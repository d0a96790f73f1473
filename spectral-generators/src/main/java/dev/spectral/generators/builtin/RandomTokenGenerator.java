package dev.spectral.generators.builtin;

import dev.spectral.generators.GenerationException;
import dev.spectral.generators.GeneratorContext;
import dev.spectral.generators.SecretGenerator;
import java.util.Arrays;
import java.util.Base64;

/**
 * {@code random-token}: 256 random bits as unpadded base64url, always 43 characters from
 * {@code A-Z a-z 0-9 - _}. Fit for HMAC keys, webhook secrets and API tokens, and safe in URLs,
 * headers and dotenv files without quoting.
 */
public final class RandomTokenGenerator implements SecretGenerator {

    static final int BYTES = 32;

    @Override
    public String id() {
        return "random-token";
    }

    @Override
    public String description() {
        return "256-bit random token, base64url without padding (43 characters)";
    }

    @Override
    public String generate(GeneratorContext context) throws GenerationException {
        byte[] bytes = new byte[BYTES];
        try {
            context.random().nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } catch (RuntimeException e) {
            // Only the random source can fail here, before any value exists.
            throw new GenerationException("Could not draw random bytes for " + context.key(), e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}

package dev.spectral.generators.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RandomTokenGeneratorTest {

    private static final Pattern BASE64URL_43 = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final RandomTokenGenerator generator = new RandomTokenGenerator();

    @Test
    void is43Base64urlCharactersThatDecodeTo32Bytes() throws Exception {
        String token = generator.generate(Contexts.fresh());

        assertTrue(BASE64URL_43.matcher(token).matches(), "43 base64url characters, no padding");
        assertEquals(32, Base64.getUrlDecoder().decode(token).length);
    }

    @Test
    void neverRepeatsOverAThousandDraws() throws Exception {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = generator.generate(Contexts.fresh());
            assertTrue(BASE64URL_43.matcher(token).matches());
            seen.add(token);
        }
        assertEquals(1000, seen.size());
    }

    @Test
    void drawsAllItsRandomnessFromTheContext() throws Exception {
        assertEquals(generator.generate(Contexts.seeded("one")), generator.generate(Contexts.seeded("one")));
        assertNotEquals(generator.generate(Contexts.seeded("one")), generator.generate(Contexts.seeded("two")));
    }
}

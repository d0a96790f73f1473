package dev.spectral.generators.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PasswordGeneratorTest {

    private static final String DOCUMENTED_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

    /** Characters that need quoting or escaping in a URL, a DSN, a shell or a dotenv file. */
    private static final String FORBIDDEN = " \t\r\n'\"$\\#:@/%&?=+;,!*()<>|`~{}[]^";

    private static final int DRAWS = 2000;

    private static List<String> passwords;

    @BeforeAll
    static void draw() throws Exception {
        PasswordGenerator generator = new PasswordGenerator();
        passwords = new ArrayList<>();
        for (int i = 0; i < DRAWS; i++) {
            passwords.add(generator.generate(Contexts.fresh()));
        }
    }

    @Test
    void usesTheDocumentedAlphabet() {
        assertEquals(DOCUMENTED_ALPHABET, PasswordGenerator.ALPHABET);
    }

    @Test
    void isAlways32CharactersFromTheAlphabet() {
        for (String password : passwords) {
            assertEquals(32, password.length());
            assertTrue(password.chars().allMatch(c -> DOCUMENTED_ALPHABET.indexOf(c) >= 0), "outside the alphabet");
        }
    }

    @Test
    void neverHoldsACharacterThatNeedsQuoting() {
        for (String password : passwords) {
            assertTrue(password.chars().noneMatch(c -> FORBIDDEN.indexOf(c) >= 0), "forbidden character");
        }
    }

    @Test
    void alwaysHoldsEveryCharacterClass() {
        for (String password : passwords) {
            assertTrue(password.chars().anyMatch(c -> c >= 'A' && c <= 'Z'), "upper case");
            assertTrue(password.chars().anyMatch(c -> c >= 'a' && c <= 'z'), "lower case");
            assertTrue(password.chars().anyMatch(c -> c >= '0' && c <= '9'), "digit");
            assertTrue(password.chars().anyMatch(c -> "-_.".indexOf(c) >= 0), "symbol");
        }
    }

    @Test
    void usesEveryCharacterOfTheAlphabet() {
        Set<Character> used = new HashSet<>();
        passwords.forEach(p -> p.chars().forEach(c -> used.add((char) c)));

        assertEquals(DOCUMENTED_ALPHABET.length(), used.size());
    }

    /**
     * Without the shuffle the first character would always be upper case. With it, it is upper
     * case with probability 1/32 + 28/32 × 26/65 ≈ 0.38; the bounds are about eight standard
     * deviations wide at 2000 draws, so this does not fail by chance.
     */
    @Test
    void shufflesTheForcedCharactersIntoRandomPositions() {
        long upperFirst = passwords.stream()
                .filter(p -> Character.isUpperCase(p.charAt(0)))
                .count();
        double share = (double) upperFirst / DRAWS;

        assertTrue(share > 0.30 && share < 0.47, "share of passwords starting upper case: " + share);
    }

    @Test
    void neverRepeats() {
        assertEquals(DRAWS, new HashSet<>(passwords).size());
    }

    @Test
    void drawsAllItsRandomnessFromTheContext() throws Exception {
        PasswordGenerator generator = new PasswordGenerator();

        assertEquals(generator.generate(Contexts.seeded("one")), generator.generate(Contexts.seeded("one")));
        assertNotEquals(generator.generate(Contexts.seeded("one")), generator.generate(Contexts.seeded("two")));
    }
}

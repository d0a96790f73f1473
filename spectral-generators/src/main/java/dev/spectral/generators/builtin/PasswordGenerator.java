package dev.spectral.generators.builtin;

import dev.spectral.generators.GenerationException;
import dev.spectral.generators.GeneratorContext;
import dev.spectral.generators.SecretGenerator;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * {@code password}: 32 characters with at least one upper-case letter, one lower-case letter, one
 * digit and one symbol, for systems that insist on character classes.
 *
 * <p>The alphabet is the 65 characters {@code A-Z}, {@code a-z}, {@code 0-9} and the symbols
 * {@code -}, {@code _} and {@code .}. These are all URL-unreserved (RFC 3986), so the password
 * can sit unescaped in a URL, a DSN's user-info, a shell word and a dotenv value: there are no
 * quotes, {@code $ \ # : @ / %}, whitespace or other characters that need quoting anywhere.
 *
 * <p>Each position is drawn uniformly with {@link SecureRandom#nextInt(int)}, which has no modulo
 * bias. One character of each class is placed first, the other 28 are drawn from the whole
 * alphabet, and a Fisher–Yates shuffle with the same random source hides which positions were
 * the forced ones. Entropy: 32 × log2(65) ≈ 192.7 bits would be the figure for unconstrained
 * strings; the class guarantee makes some outputs slightly likelier than others, which leaves a
 * Shannon entropy of about 192.2 bits and a min-entropy (the most likely password) of about
 * 190.6 bits, computed exactly over the four class counts. Either way, far beyond guessing.
 */
public final class PasswordGenerator implements SecretGenerator {

    static final int LENGTH = 32;
    static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    static final String DIGITS = "0123456789";
    static final String SYMBOLS = "-_.";
    static final String ALPHABET = UPPER + LOWER + DIGITS + SYMBOLS;

    @Override
    public String id() {
        return "password";
    }

    @Override
    public String description() {
        return "32-character password from A-Z a-z 0-9 - _ . with every class present";
    }

    @Override
    public String generate(GeneratorContext context) throws GenerationException {
        SecureRandom random = context.random();
        char[] password = new char[LENGTH];
        try {
            int i = 0;
            for (String required : new String[] {UPPER, LOWER, DIGITS, SYMBOLS}) {
                password[i++] = pick(required, random);
            }
            while (i < LENGTH) {
                password[i++] = pick(ALPHABET, random);
            }
            shuffle(password, random);
            return new String(password);
        } catch (RuntimeException e) {
            // Only the random source can fail here; the partial password is wiped below.
            throw new GenerationException("Could not draw random characters for " + context.key(), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static char pick(String from, SecureRandom random) {
        return from.charAt(random.nextInt(from.length()));
    }

    /** Fisher–Yates: every permutation equally likely. */
    private static void shuffle(char[] chars, SecureRandom random) {
        for (int i = chars.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            char swap = chars[i];
            chars[i] = chars[j];
            chars[j] = swap;
        }
    }
}

package dev.spectral.provision.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Collection;

/** The leak assertions of the rotation tests: no value, nor any 12-character stretch of one, in a text. */
public final class NoValueLeaks {

    public static final int STRETCH = 12;

    private NoValueLeaks() {}

    /** Neither the value nor any 12-character stretch of it. */
    public static void assertNoStretchOf(String value, String text, String where) {
        for (int i = 0; i + STRETCH <= value.length(); i++) {
            String stretch = value.substring(i, i + STRETCH);
            assertFalse(text.contains(stretch), where + " holds part of a value: " + text);
        }
    }

    public static void assertNoneIn(Collection<String> values, String text, String where) {
        for (String value : values) {
            assertNoStretchOf(value, text, where);
        }
    }

    /** The message of the throwable and of each of its causes. */
    public static void assertNoneIn(Collection<String> values, Throwable thrown) {
        for (Throwable c = thrown; c != null; c = c.getCause()) {
            assertNoneIn(values, String.valueOf(c.getMessage()), "exception message");
        }
    }
}

package dev.spectral.generators;

/**
 * A generator could not produce a value. Rotation stops and writes nothing.
 *
 * <p>The message says what went wrong and must never contain the value, or any part of it.
 */
public class GenerationException extends Exception {

    private static final long serialVersionUID = 1L;

    public GenerationException(String message) {
        super(message);
    }

    public GenerationException(String message, Throwable cause) {
        super(message, cause);
    }
}

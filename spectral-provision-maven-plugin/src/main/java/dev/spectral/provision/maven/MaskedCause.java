package dev.spectral.provision.maven;

import dev.spectral.provision.secret.Redactor;

/**
 * A cause as {@code mvn -e} prints it: the original's class name, masked message and stack trace,
 * and its own causes the same way, so that a failure's origin shows and no value does.
 */
final class MaskedCause extends Exception {

    private static final long serialVersionUID = 1L;

    private MaskedCause(Throwable original, Redactor redactor) {
        super(
                original.getClass().getName() + ": " + redactor.redact(String.valueOf(original.getMessage())),
                original.getCause() == null || original.getCause() == original
                        ? null
                        : new MaskedCause(original.getCause(), redactor),
                false,
                true);
        setStackTrace(original.getStackTrace());
    }

    static Throwable of(Throwable original, Redactor redactor) {
        return original == null ? null : new MaskedCause(original, redactor);
    }
}

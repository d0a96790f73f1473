package dev.spectral.provision.process;

/** A program could not be started, or was killed at its timeout. The message names the step. */
public final class CommandException extends Exception {

    private static final long serialVersionUID = 1L;

    public CommandException(String message) {
        super(message);
    }

    public CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}

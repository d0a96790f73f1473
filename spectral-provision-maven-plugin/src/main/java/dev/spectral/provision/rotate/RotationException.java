package dev.spectral.provision.rotate;

/** Rotation stopped. The message says at which step, what state 1Password and GitHub are in, and what to do. */
public final class RotationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Whose move it is: the user must fix or confirm something, or a tool or the machine failed. */
    public enum Cause {
        CONFIGURATION,
        TOOL
    }

    private final Cause cause;

    public RotationException(Cause cause, String message) {
        super(message);
        this.cause = cause;
    }

    public RotationException(Cause cause, String message, Throwable throwable) {
        super(message, throwable);
        this.cause = cause;
    }

    public Cause reason() {
        return cause;
    }
}

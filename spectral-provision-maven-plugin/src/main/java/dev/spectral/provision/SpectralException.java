package dev.spectral.provision;

/**
 * A goal stopped. The message says why, in what state 1Password and GitHub are, and what to do; it
 * never holds a value. The cause tells whose move it is, which the Mojos map onto Maven's two
 * exceptions.
 */
public abstract class SpectralException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The user must fix or confirm something, or a tool or the machine failed. */
    public enum Cause {
        CONFIGURATION,
        TOOL
    }

    private final Cause cause;

    protected SpectralException(Cause cause, String message, Throwable throwable) {
        super(message, throwable);
        this.cause = cause;
    }

    public Cause reason() {
        return cause;
    }
}

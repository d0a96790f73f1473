package dev.spectral.provision.publish;

/** Provisioning stopped. The message says why and what to do; it never holds a value. */
public final class ProvisionException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Whose move it is: the user must fix the input, or a tool or the machine failed. */
    public enum Cause {
        CONFIGURATION,
        TOOL
    }

    private final Cause cause;

    public ProvisionException(Cause cause, String message) {
        super(message);
        this.cause = cause;
    }

    public ProvisionException(Cause cause, String message, Throwable throwable) {
        super(message, throwable);
        this.cause = cause;
    }

    public Cause reason() {
        return cause;
    }
}

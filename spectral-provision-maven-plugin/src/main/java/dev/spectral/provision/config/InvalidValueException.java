package dev.spectral.provision.config;

/** A value of the file is not of the form its place requires; says why and how to fix it. */
public final class InvalidValueException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String fix;

    public InvalidValueException(String message, String fix) {
        super(message);
        this.fix = fix;
    }

    public String fix() {
        return fix;
    }
}

package dev.spectral.provision.onepassword;

/** 1Password could not do what was asked. The message says which reference or item, why, and how to fix it. */
public class OnePasswordException extends Exception {

    private static final long serialVersionUID = 1L;

    public OnePasswordException(String message) {
        super(message);
    }

    public OnePasswordException(String message, Throwable cause) {
        super(message, cause);
    }
}

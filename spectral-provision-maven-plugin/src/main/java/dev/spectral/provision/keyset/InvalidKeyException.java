package dev.spectral.provision.keyset;

/** A value that should be a private JWK or a key set is not one. The message never holds the value. */
public final class InvalidKeyException extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidKeyException(String message) {
        super(message);
    }
}

package dev.spectral.provision.rotate;

import dev.spectral.provision.SpectralException;

/** Rotation stopped. The message also says whether the new value is stored. */
public final class RotationException extends SpectralException {

    private static final long serialVersionUID = 1L;

    public RotationException(Cause cause, String message) {
        super(cause, message, null);
    }

    public RotationException(Cause cause, String message, Throwable throwable) {
        super(cause, message, throwable);
    }
}

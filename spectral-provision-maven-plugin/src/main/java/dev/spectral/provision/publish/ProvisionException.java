package dev.spectral.provision.publish;

import dev.spectral.provision.SpectralException;

/** Provisioning stopped. */
public final class ProvisionException extends SpectralException {

    private static final long serialVersionUID = 1L;

    public ProvisionException(Cause cause, String message) {
        super(cause, message, null);
    }

    public ProvisionException(Cause cause, String message, Throwable throwable) {
        super(cause, message, throwable);
    }
}

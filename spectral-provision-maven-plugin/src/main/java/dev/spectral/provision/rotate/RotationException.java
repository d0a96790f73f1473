package dev.spectral.provision.rotate;

import dev.spectral.provision.SpectralException;
import java.util.Optional;

/**
 * Rotation stopped. The message also says whether the new value is stored. A rotation that stopped
 * after its plan, with nothing stored, carries the outcome (which holds no value), so that the run
 * still leaves its incident record.
 */
public final class RotationException extends SpectralException {

    private static final long serialVersionUID = 1L;

    private final transient RotationOutcome outcome;

    public RotationException(Cause cause, String message) {
        this(cause, message, null);
    }

    public RotationException(Cause cause, String message, Throwable throwable) {
        this(cause, message, throwable, null);
    }

    private RotationException(Cause cause, String message, Throwable throwable, RotationOutcome outcome) {
        super(cause, message, throwable);
        this.outcome = outcome;
    }

    /** The same stop, with what the run planned and did up to it. */
    RotationException withOutcome(String message, RotationOutcome outcome) {
        return new RotationException(reason(), message, getCause(), outcome);
    }

    public Optional<RotationOutcome> outcome() {
        return Optional.ofNullable(outcome);
    }
}

package dev.spectral.provision.log;

import dev.spectral.provision.secret.Redactor;

/** Passes every line through the run's {@link Redactor} before it reaches the real log. */
public final class RedactingLog implements Log {

    private final Log delegate;
    private final Redactor redactor;

    public RedactingLog(Log delegate, Redactor redactor) {
        this.delegate = delegate;
        this.redactor = redactor;
    }

    @Override
    public void debug(String message) {
        if (delegate.isDebugEnabled()) {
            delegate.debug(redactor.redact(message));
        }
    }

    @Override
    public void info(String message) {
        delegate.info(redactor.redact(message));
    }

    @Override
    public void warn(String message) {
        delegate.warn(redactor.redact(message));
    }

    @Override
    public void error(String message) {
        delegate.error(redactor.redact(message));
    }

    @Override
    public boolean isDebugEnabled() {
        return delegate.isDebugEnabled();
    }
}

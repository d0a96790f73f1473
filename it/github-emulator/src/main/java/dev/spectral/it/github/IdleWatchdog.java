package dev.spectral.it.github;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Calls {@code onIdle} once no request has started or ended for the timeout (zero: never). */
final class IdleWatchdog implements AutoCloseable {
    private final long timeoutNanos;
    private final Runnable onIdle;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ScheduledExecutorService timer;
    private volatile long lastActivity = System.nanoTime();
    private volatile boolean fired;

    IdleWatchdog(Duration timeout, Runnable onIdle) {
        this.timeoutNanos = timeout.toNanos();
        this.onIdle = onIdle;
        if (timeout.isZero()) {
            timer = null;
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "github-emulator-idle");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(50, Math.min(1000, timeout.toMillis() / 10));
        timer.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    void begin() {
        inFlight.incrementAndGet();
        lastActivity = System.nanoTime();
    }

    void end() {
        lastActivity = System.nanoTime();
        inFlight.decrementAndGet();
    }

    private void check() {
        if (!fired && inFlight.get() == 0 && System.nanoTime() - lastActivity >= timeoutNanos) {
            fired = true;
            onIdle.run();
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}

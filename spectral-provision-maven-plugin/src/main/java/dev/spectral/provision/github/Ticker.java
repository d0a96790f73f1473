package dev.spectral.provision.github;

import java.time.Duration;

/** Time for the request budget: the system's, or a test's that moves only when slept on. */
public interface Ticker {

    long nanoTime();

    void sleep(Duration duration) throws InterruptedException;

    static Ticker system() {
        return new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                Thread.sleep(Math.max(0, duration.toMillis()), (int) (duration.toNanos() % 1_000_000));
            }
        };
    }
}

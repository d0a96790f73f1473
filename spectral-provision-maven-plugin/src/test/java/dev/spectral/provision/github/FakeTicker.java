package dev.spectral.provision.github;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Time that moves only when someone sleeps or the test advances it; every sleep is recorded. */
final class FakeTicker implements Ticker {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public long nanoTime() {
        return now.get();
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        now.addAndGet(duration.toNanos());
    }

    void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    Duration slept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}

package dev.spectral.provision.publish;

import dev.spectral.provision.github.Pace;
import dev.spectral.provision.log.Log;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Progress of the writes to GitHub: a line every few seconds while they last (also while the run
 * waits for GitHub's rate limits), e.g.
 * {@code production: 180/300 written, staging: 0/300 written; waiting 41 s for GitHub's rate limit},
 * and one at the end.
 */
final class Progress implements AutoCloseable {

    static final Duration EVERY = Duration.ofSeconds(5);

    private final Map<String, Integer> totals;
    private final Map<String, AtomicInteger> done = new LinkedHashMap<>();
    private final Supplier<Pace> pace;
    private final Log log;
    private final ScheduledExecutorService ticker;

    Progress(Map<String, Integer> totals, Supplier<Pace> pace, Log log, Duration every) {
        this.totals = new LinkedHashMap<>(totals);
        totals.keySet().forEach(env -> done.put(env, new AtomicInteger()));
        this.pace = pace;
        this.log = log;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "spectral-progress");
            thread.setDaemon(true);
            return thread;
        });
        if (!totals.isEmpty()) {
            ticker.scheduleAtFixedRate(
                    () -> log.info(line()), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void done(String environment, int count) {
        done.get(environment).addAndGet(count);
    }

    String line() {
        String counts = totals.entrySet().stream()
                .map(e -> e.getKey() + ": " + done.get(e.getKey()).get() + "/" + e.getValue() + " written")
                .collect(Collectors.joining(", "));
        return pace.get().waiting().map(waiting -> counts + "; " + waiting).orElse(counts);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        if (!totals.isEmpty()) {
            log.info(line());
        }
    }
}

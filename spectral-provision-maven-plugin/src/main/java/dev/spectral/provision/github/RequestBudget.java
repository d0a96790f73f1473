package dev.spectral.provision.github;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.DoubleSupplier;

/**
 * The GitHub requests of one run, shared by every gh process it starts (field notes, "GitHub
 * limits"): a cap on requests in flight, pacing so that no endpoint spends more than its points in
 * any minute, and one pause for everyone when GitHub throttles anyway. A throttled request waits
 * {@code retry-after} when it is known, else {@link GitHubLimits#throttleWait()}, longer on every
 * repeat, with jitter; once the waits would pass {@link GitHubLimits#maxWait()}, or GitHub's hourly
 * limit is spent, every later request fails at once, so the run stops and reports what is left.
 *
 * <p>Points are counted until a minute after the request's process ended, since the request may
 * have reached GitHub at any moment before that.
 */
public final class RequestBudget {

    private static final long WINDOW = Duration.ofMinutes(1).toNanos();
    private static final long POLL = Duration.ofMillis(250).toNanos();
    private static final long LONGEST_SLEEP = Duration.ofSeconds(1).toNanos();
    private static final int MAX_DOUBLINGS = 4;
    private static final double JITTER = 0.2;

    private final GitHubLimits limits;
    private final Ticker ticker;
    private final DoubleSupplier random;
    private final Semaphore inFlight;
    private final Object lock = new Object();
    private final Map<String, List<Spend>> spent = new HashMap<>();
    private long pausedUntil;
    private long pauseStarted;
    private long pacedUntil;
    private int repeats;
    private int throttled;
    private long waited;
    private String stopped;

    public RequestBudget(GitHubLimits limits, Ticker ticker, DoubleSupplier random) {
        this.limits = limits;
        this.ticker = ticker;
        this.random = random;
        this.inFlight = new Semaphore(limits.maxInFlight(), true);
        long now = ticker.nanoTime();
        this.pausedUntil = now;
        this.pauseStarted = now - 1;
        this.pacedUntil = now;
    }

    public static RequestBudget of(GitHubLimits limits) {
        return new RequestBudget(limits, Ticker.system(), Math::random);
    }

    public GitHubLimits limits() {
        return limits;
    }

    /** Points spent by one request, counted until a window after it ended. */
    private static final class Spend {
        final int points;
        long end = Long.MAX_VALUE;

        Spend(int points) {
            this.points = points;
        }
    }

    /** A request under way: close it when its process has ended. */
    public final class Permit implements AutoCloseable {
        private final long started;
        private final int slots;
        private final List<Spend> spends;
        private boolean closed;

        private Permit(long started, int slots, List<Spend> spends) {
            this.started = started;
            this.slots = slots;
            this.spends = spends;
        }

        @Override
        public void close() {
            synchronized (lock) {
                if (closed) {
                    return;
                }
                closed = true;
                long now = ticker.nanoTime();
                spends.forEach(spend -> spend.end = now);
            }
            inFlight.release(slots);
        }
    }

    /** Waits until the request fits (no pause, points left, a slot free) and takes its share. */
    Permit acquire(Cost cost) throws GitHubException {
        try {
            List<Spend> spends = reserve(cost);
            int slots = Math.min(cost.inFlight(), limits.maxInFlight());
            inFlight.acquire(slots);
            synchronized (lock) {
                return new Permit(ticker.nanoTime(), slots, spends);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitHubException(
                    GitHubException.Kind.OTHER, "interrupted while waiting for GitHub's rate limits", e);
        }
    }

    private List<Spend> reserve(Cost cost) throws GitHubException, InterruptedException {
        while (true) {
            long wait;
            synchronized (lock) {
                failIfStopped();
                long now = ticker.nanoTime();
                wait = Math.max(pausedUntil - now, pointsWait(cost, now));
                if (wait <= 0) {
                    List<Spend> spends = new ArrayList<>();
                    cost.points().forEach((endpoint, points) -> {
                        Spend spend = new Spend(points);
                        spent.computeIfAbsent(endpoint, e -> new ArrayList<>()).add(spend);
                        spends.add(spend);
                    });
                    return spends;
                }
                if (pausedUntil <= now) {
                    pacedUntil = Math.max(pacedUntil, now + wait);
                }
            }
            ticker.sleep(Duration.ofNanos(Math.min(wait, LONGEST_SLEEP)));
        }
    }

    /** How long until every endpoint of the cost has its points left; zero when it has them now. */
    private long pointsWait(Cost cost, long now) {
        long wait = 0;
        for (Map.Entry<String, Integer> entry : cost.points().entrySet()) {
            List<Spend> spends = spent.computeIfAbsent(entry.getKey(), e -> new ArrayList<>());
            spends.removeIf(spend -> spend.end <= now - WINDOW);
            int used = spends.stream().mapToInt(spend -> spend.points).sum();
            int over = used + entry.getValue() - limits.pointsPerMinute();
            if (over <= 0 || used == 0) {
                continue;
            }
            long until = POLL;
            int freed = 0;
            for (Spend spend : spends.stream()
                    .filter(s -> s.end != Long.MAX_VALUE)
                    .sorted(Comparator.comparingLong(s -> s.end))
                    .toList()) {
                freed += spend.points;
                if (freed >= over) {
                    until = spend.end + WINDOW - now;
                    break;
                }
            }
            wait = Math.max(wait, until);
        }
        return wait;
    }

    /** The request went through: throttling, if there was any, is over. */
    void succeeded(Permit permit) {
        synchronized (lock) {
            if (permit.started > pauseStarted) {
                repeats = 0;
            }
        }
    }

    /**
     * GitHub throttled the request: pause every request of the run, unless a pause that began after
     * this request set out already covers it.
     *
     * @param requests how many of the call's requests GitHub refused
     * @throws GitHubException when the pause would pass the run's wait budget; the run stops
     */
    void throttled(Permit permit, int requests, Optional<Duration> retryAfter) throws GitHubException {
        synchronized (lock) {
            throttled += requests;
            failIfStopped();
            if (permit.started <= pauseStarted) {
                return;
            }
            long base = retryAfter
                    .filter(d -> !d.isNegative())
                    .orElse(limits.throttleWait())
                    .toNanos();
            long pause = (long)
                    (base * (double) (1L << Math.min(repeats, MAX_DOUBLINGS)) * (1 + JITTER * random.getAsDouble()));
            if (waited + pause > limits.maxWait().toNanos()) {
                stopped = "GitHub kept throttling this run (secondary rate limit); it waited "
                        + Pace.seconds(Duration.ofNanos(waited))
                        + " s in all and would wait " + Pace.seconds(Duration.ofNanos(pause))
                        + " s more, past spectral.github.maxWait ("
                        + limits.maxWait().toSeconds() + " s)";
                failIfStopped();
            }
            long now = ticker.nanoTime();
            repeats++;
            waited += pause;
            pauseStarted = now;
            pausedUntil = now + pause;
        }
    }

    /** GitHub's hourly limit is spent: nothing more can be sent until it resets. */
    void exhausted(String why) {
        synchronized (lock) {
            if (stopped == null) {
                stopped = why;
            }
        }
    }

    private void failIfStopped() throws GitHubException {
        if (stopped != null) {
            throw new GitHubException(GitHubException.Kind.RATE_LIMITED, stopped);
        }
    }

    /** What the run waits for now, and how much throttling it met so far. */
    public Pace pace() {
        synchronized (lock) {
            long now = ticker.nanoTime();
            Optional<String> waiting = Optional.empty();
            if (pausedUntil > now) {
                waiting = Optional.of("waiting " + seconds(pausedUntil - now) + " s for GitHub's rate limit");
            } else if (pacedUntil > now) {
                waiting = Optional.of("pacing to GitHub's " + limits.pointsPerMinute() + " points a minute, next in "
                        + seconds(pacedUntil - now) + " s");
            }
            return new Pace(waiting, throttled, Duration.ofNanos(waited));
        }
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}

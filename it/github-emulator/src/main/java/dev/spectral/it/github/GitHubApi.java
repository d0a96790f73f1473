package dev.spectral.it.github;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulator's request handler: authentication, rate limits, latency, injected faults,
 * routing, GitHub's error shape, and the request log.
 *
 * <p>State, faults and files are touched under one lock, one request at a time (gh sets secrets
 * from concurrent goroutines). The rate limits ({@link RateLimiter}) and the artificial latency
 * act outside that lock, so concurrent requests are counted, refused and delayed concurrently, as
 * on GitHub; only the work on state is serialised.
 */
final class GitHubApi implements Handler, AutoCloseable {
    private final ApiRouter router;
    private final Faults faults;
    private final ClockControl clockControl;
    private final RequestLog log;
    private final EmulatorClock clock;
    private final RateLimiter limiter;
    private final Path limitsFile;
    private final long latencyNanos;
    private final Object lock = new Object();
    private final Object reportLock = new Object();
    private final AtomicLong requestNumber = new AtomicLong();
    private final AtomicBoolean reportStale = new AtomicBoolean(true);
    private final int requestIdPrefix = ThreadLocalRandom.current().nextInt(0x10000);

    GitHubApi(
            ApiRouter router,
            Faults faults,
            ClockControl clockControl,
            RequestLog log,
            EmulatorClock clock,
            RateLimiter limiter,
            Path limitsFile) {
        this.router = router;
        this.faults = faults;
        this.clockControl = clockControl;
        this.log = log;
        this.clock = clock;
        this.limiter = limiter;
        this.limitsFile = limitsFile;
        this.latencyNanos = limiter.limits().latencyMs() * 1_000_000L;
    }

    /** Wires the API to the files in a state directory (created if absent), limits off. */
    static GitHubApi forStateDir(Path stateDir, EmulatorClock clock) throws IOException {
        return forStateDir(stateDir, clock, EmulatorOptions.Limits.OFF, Clock.systemUTC());
    }

    /**
     * @param limitClock the clock of the rate limits (real time; a test may pass one it moves by
     *                   hand). Not the {@link EmulatorClock} of the timestamps in state.
     */
    static GitHubApi forStateDir(Path stateDir, EmulatorClock clock, EmulatorOptions.Limits limits, Clock limitClock)
            throws IOException {
        Path dir = Files.createDirectories(stateDir);
        StateStore store = StateStore.open(new StateFile(dir.resolve("state.json")), clock);
        Faults faults = new Faults(dir.resolve("faults.json"));
        return new GitHubApi(
                new ApiRouter(store, faults),
                faults,
                new ClockControl(dir.resolve("clock.json"), clock),
                new RequestLog(dir.resolve("requests.log")),
                clock,
                new RateLimiter(limits, limitClock),
                dir.resolve("limits.json"));
    }

    /** A whole exchange at once (for callers without a connection: tests). */
    @Override
    public HttpResponse handle(HttpRequest request) {
        try (Exchange exchange = open()) {
            return exchange.handle(request);
        }
    }

    /** A request's head has been read: it is in flight from now until the exchange is closed. */
    @Override
    public Exchange open() {
        long start = System.nanoTime();
        RateLimiter.Ticket ticket = limiter.enter();
        return new Exchange() {
            @Override
            public HttpResponse handle(HttpRequest request) {
                return serve(request, ticket, start);
            }

            @Override
            public void close() {
                ticket.close();
            }
        };
    }

    private HttpResponse serve(HttpRequest request, RateLimiter.Ticket ticket, long start) {
        String requestId = nextRequestId();
        RateLimiter.Decision decision = null;
        HttpResponse response;
        try {
            authenticate(request);
            String endpoint = ApiRouter.endpoint(request);
            decision = limiter.admit(ticket, endpoint, RateLimiter.costOf(request.method(), endpoint));
            if (decision.throttle() == RateLimiter.Throttle.PRIMARY) {
                throw ApiException.primaryRateLimit(decision.limit(), decision.used(), decision.resetEpochSeconds());
            }
            if (decision.throttle() == RateLimiter.Throttle.SECONDARY) {
                throw ApiException.secondaryRateLimit(requestId, decision.retryAfterSeconds());
            }
            synchronized (lock) {
                response = dispatch(request);
            }
        } catch (ApiException e) {
            response = e.toResponse();
        } catch (RuntimeException e) {
            System.err.println("github-emulator: internal error on " + request.method() + " " + request.path());
            e.printStackTrace();
            response = ApiException.body(
                    500, "emulator internal error: " + e.getClass().getSimpleName());
        }
        response.headers().set("X-GitHub-Media-Type", "github.v3; format=json");
        response.headers().set("X-GitHub-Request-Id", requestId);
        if (decision != null
                && limiter.limits().enforce()
                && !response.headers().contains("X-RateLimit-Limit")) {
            response.headers().set("X-RateLimit-Limit", Long.toString(decision.limit()));
            response.headers().set("X-RateLimit-Remaining", Long.toString(decision.remaining()));
            response.headers().set("X-RateLimit-Used", Long.toString(decision.used()));
            response.headers().set("X-RateLimit-Reset", Long.toString(decision.resetEpochSeconds()));
            response.headers().set("X-RateLimit-Resource", "core");
        }
        sleepUntil(start + latencyNanos);
        RateLimiter.Throttle throttle = decision == null ? RateLimiter.Throttle.NONE : decision.throttle();
        log.append(request, response.status(), throttle.logName(), decision == null ? null : decision.reason());
        limiter.answered(decision);
        reportStale.set(true);
        return response;
    }

    private HttpResponse dispatch(HttpRequest request) {
        Faults.Global global = faults.global();
        if (global.unauthorized()) {
            throw new ApiException(401, "Bad credentials");
        }
        if (global.rateLimited()) {
            throw ApiException.primaryRateLimit(5000, 5000, clock.now().getEpochSecond() + 3600);
        }
        clockControl.refresh();
        return router.route(request);
    }

    /** The latency: sleeps (outside every lock) until the request has taken long enough. */
    private static void sleepUntil(long deadline) {
        boolean interrupted = false;
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            try {
                Thread.sleep(left / 1_000_000L, (int) (left % 1_000_000L));
            } catch (InterruptedException e) {
                interrupted = true;
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** GitHub's X-GitHub-Request-Id shape: five colon-separated hex fields. */
    private String nextRequestId() {
        long n = requestNumber.incrementAndGet();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format(
                Locale.ROOT,
                "%04X:%04X:%06X:%06X:%08X",
                requestIdPrefix,
                random.nextInt(0x10000),
                n & 0xFFFFFF,
                random.nextInt(0x1000000),
                System.currentTimeMillis() / 1000);
    }

    /** The counters of limits.json, as written. */
    RateLimiter limiter() {
        return limiter;
    }

    /** Rewrites limits.json if a request was answered since it was last written (the emulator calls this on a timer). */
    void writeReportIfStale() {
        if (reportStale.getAndSet(false)) {
            writeReport();
        }
    }

    /** Writes limits.json now (also done on {@link #close()}). */
    void writeReport() {
        reportStale.set(false);
        synchronized (reportLock) {
            try {
                AtomicFiles.write(limitsFile, Json.prettyBytes(limiter.report()));
            } catch (IOException e) {
                System.err.println("github-emulator: could not write " + limitsFile + ": " + e);
            }
        }
    }

    @Override
    public void close() {
        writeReport();
    }

    /** "Authorization: token T" or "Bearer T"; absent: 401 Requires authentication. */
    private static void authenticate(HttpRequest request) {
        Optional<String> header = request.header("Authorization");
        if (header.isEmpty() || header.get().isBlank()) {
            throw new ApiException(401, "Requires authentication");
        }
        String[] parts = header.get().trim().split("\\s+", 2);
        String scheme = parts[0].toLowerCase(Locale.ROOT);
        if (parts.length != 2 || !(scheme.equals("token") || scheme.equals("bearer"))) {
            throw new ApiException(401, "Bad credentials");
        }
    }
}

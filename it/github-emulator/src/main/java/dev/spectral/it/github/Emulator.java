package dev.spectral.it.github;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** A running emulator: wires state, faults, the API and the HTTP server together. */
public final class Emulator implements AutoCloseable {
    /** limits.json is rewritten this often while requests come in, and on close. */
    static final long REPORT_MILLIS = 250;

    private final EmulatorOptions options;
    private final EmulatorClock clock;
    private final GitHubApi api;
    private final HttpServer server;
    private final IdleWatchdog watchdog;
    private final ScheduledExecutorService reporter;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private int tcpPort = -1;

    private Emulator(EmulatorOptions options) throws IOException {
        this.options = options;
        this.clock = EmulatorClock.system();
        this.api = GitHubApi.forStateDir(options.stateDir(), clock, options.limits(), Clock.systemUTC());
        this.watchdog = new IdleWatchdog(options.idleTimeout(), this::close);
        this.reporter = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "github-emulator-limits-report");
            t.setDaemon(true);
            return t;
        });
        reporter.scheduleWithFixedDelay(api::writeReportIfStale, REPORT_MILLIS, REPORT_MILLIS, TimeUnit.MILLISECONDS);
        this.server = new HttpServer(new Handler() {
            @Override
            public HttpResponse handle(HttpRequest request) {
                try (Exchange exchange = open()) {
                    return exchange.handle(request);
                }
            }

            @Override
            public Exchange open() {
                watchdog.begin();
                Exchange inner = api.open();
                return new Exchange() {
                    @Override
                    public HttpResponse handle(HttpRequest request) {
                        return inner.handle(request);
                    }

                    @Override
                    public void close() {
                        try {
                            inner.close();
                        } finally {
                            watchdog.end();
                        }
                    }
                };
            }
        });
    }

    public static Emulator start(EmulatorOptions options) throws IOException {
        Emulator emulator = new Emulator(options);
        try {
            if (options.socket() != null) {
                emulator.server.listenUnix(options.socket());
            }
            if (options.tcpPort() != null) {
                emulator.tcpPort = emulator.server.listenTcp(options.tcpPort());
            }
        } catch (IOException | RuntimeException e) {
            emulator.close();
            throw e;
        }
        return emulator;
    }

    public Path socket() {
        return options.socket();
    }

    public Path stateDir() {
        return options.stateDir();
    }

    /** The bound TCP port, or -1 without TCP. */
    public int tcpPort() {
        return tcpPort;
    }

    /** Moves the emulator's clock forward for every timestamp written from now on. */
    public void advanceClock(Duration by) {
        clock.advance(by);
    }

    /** The counters written to limits.json, as they are now. */
    public String limitsReport() {
        return new String(Json.prettyBytes(api.limiter().report()), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Blocks until the emulator is closed (by {@link #close()} or the idle timeout). */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        watchdog.close();
        server.close();
        reporter.shutdown();
        api.close();
        stopped.countDown();
    }
}

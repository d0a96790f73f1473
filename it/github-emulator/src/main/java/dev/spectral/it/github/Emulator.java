package dev.spectral.it.github;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/** A running emulator: wires state, faults, the API and the HTTP server together. */
public final class Emulator implements AutoCloseable {
    private final EmulatorOptions options;
    private final EmulatorClock clock;
    private final HttpServer server;
    private final IdleWatchdog watchdog;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private int tcpPort = -1;

    private Emulator(EmulatorOptions options) throws IOException {
        this.options = options;
        this.clock = EmulatorClock.system();
        GitHubApi api = GitHubApi.forStateDir(options.stateDir(), clock);
        this.watchdog = new IdleWatchdog(options.idleTimeout(), this::close);
        this.server = new HttpServer(request -> {
            watchdog.begin();
            try {
                return api.handle(request);
            } finally {
                watchdog.end();
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
        stopped.countDown();
    }
}

package dev.spectral.it.github;

import java.io.IOException;

/**
 * {@code java dev.spectral.it.github.Main --socket PATH --state DIR [--port N] [--idle-timeout-seconds S]
 * [--limits] [--max-in-flight N] [--points-per-minute N] [--primary-limit N] [--clock-scale X] [--latency-ms N]}.
 * Prints "ready" once listening; stops on SIGTERM or after S seconds without a request.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        EmulatorOptions options;
        try {
            options = EmulatorOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Emulator emulator;
        try {
            emulator = Emulator.start(options);
        } catch (IOException | RuntimeException e) {
            System.err.println("github-emulator: cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "github-emulator-shutdown"));
        if (emulator.tcpPort() >= 0) {
            System.err.println("github-emulator: also listening on http://127.0.0.1:" + emulator.tcpPort());
        }
        EmulatorOptions.Limits limits = options.limits();
        if (limits.enforce()) {
            System.err.println("github-emulator: limits on: " + limits.maxInFlight() + " in flight, "
                    + limits.pointsPerMinute() + " points a minute per endpoint, " + limits.primaryLimit()
                    + " requests an hour, clock x" + limits.clockScale() + ", latency " + limits.latencyMs() + " ms");
        }
        System.out.println("ready");
        System.out.flush();
        emulator.awaitStopped();
        System.exit(0);
    }
}

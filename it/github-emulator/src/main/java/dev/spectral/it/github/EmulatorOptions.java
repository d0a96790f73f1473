package dev.spectral.it.github;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run the emulator.
 *
 * @param socket      Unix domain socket to listen on (null: none)
 * @param stateDir    holds state.json, requests.log, faults.json, clock.json, limits.json
 * @param tcpPort     also listen on 127.0.0.1:port (0 picks one; null: no TCP)
 * @param idleTimeout stop after this long without a request (zero: never)
 * @param limits      GitHub's rate limits and an artificial latency ({@link Limits#OFF}: neither)
 */
public record EmulatorOptions(Path socket, Path stateDir, Integer tcpPort, Duration idleTimeout, Limits limits) {
    static final String USAGE = "usage: java dev.spectral.it.github.Main --socket PATH --state DIR"
            + " [--port N] [--idle-timeout-seconds 600]"
            + " [--limits] [--max-in-flight 100] [--points-per-minute 900] [--primary-limit 5000]"
            + " [--clock-scale 1] [--latency-ms 0]";

    public EmulatorOptions {
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(limits, "limits");
        if (socket == null && tcpPort == null) {
            throw new IllegalArgumentException("give a socket, a TCP port, or both");
        }
    }

    public EmulatorOptions(Path socket, Path stateDir, Integer tcpPort, Duration idleTimeout) {
        this(socket, stateDir, tcpPort, idleTimeout, Limits.OFF);
    }

    /** A Unix socket only, no idle timeout, limits off: what a test in the same JVM wants. */
    public static EmulatorOptions unixSocket(Path socket, Path stateDir) {
        return new EmulatorOptions(socket, stateDir, null, Duration.ZERO, Limits.OFF);
    }

    public EmulatorOptions withLimits(Limits newLimits) {
        return new EmulatorOptions(socket, stateDir, tcpPort, idleTimeout, newLimits);
    }

    /**
     * GitHub's documented REST limits (docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api).
     *
     * @param enforce         answer requests over the limits as GitHub does (off: only count them, for limits.json)
     * @param maxInFlight     requests handled at once (secondary limit)
     * @param pointsPerMinute points per endpoint (method + route template) in any sliding minute; GET/HEAD cost 1,
     *                        PUT/PATCH/POST/DELETE 5, GraphQL 1 (secondary limit)
     * @param primaryLimit    requests an hour (primary limit), announced in X-RateLimit-* headers
     * @param clockScale      the limit clock runs this many times faster (>= 1): windows, Retry-After and
     *                        X-RateLimit-Reset are divided by it; timestamps in state are not affected
     * @param latencyMs       every request takes at least this long to answer (slept concurrently); applies
     *                        also when {@code enforce} is false
     */
    public record Limits(
            boolean enforce, int maxInFlight, int pointsPerMinute, int primaryLimit, double clockScale, int latencyMs) {
        public static final int DEFAULT_MAX_IN_FLIGHT = 100;
        public static final int DEFAULT_POINTS_PER_MINUTE = 900;
        public static final int DEFAULT_PRIMARY_LIMIT = 5000;

        /** Nothing enforced, no latency (the defaults, with --limits absent). */
        public static final Limits OFF =
                new Limits(false, DEFAULT_MAX_IN_FLIGHT, DEFAULT_POINTS_PER_MINUTE, DEFAULT_PRIMARY_LIMIT, 1, 0);

        public Limits {
            if (maxInFlight < 1 || pointsPerMinute < 1 || primaryLimit < 1 || latencyMs < 0) {
                throw new IllegalArgumentException("limits must be positive (latency zero or more)");
            }
            if (!(clockScale >= 1) || Double.isInfinite(clockScale)) {
                throw new IllegalArgumentException("clock scale must be a finite number >= 1, not " + clockScale);
            }
        }

        /** GitHub's limits, enforced, at real speed. */
        public static Limits github() {
            return OFF.withEnforce(true);
        }

        public Limits withEnforce(boolean value) {
            return new Limits(value, maxInFlight, pointsPerMinute, primaryLimit, clockScale, latencyMs);
        }

        public Limits withMaxInFlight(int value) {
            return new Limits(enforce, value, pointsPerMinute, primaryLimit, clockScale, latencyMs);
        }

        public Limits withPointsPerMinute(int value) {
            return new Limits(enforce, maxInFlight, value, primaryLimit, clockScale, latencyMs);
        }

        public Limits withPrimaryLimit(int value) {
            return new Limits(enforce, maxInFlight, pointsPerMinute, value, clockScale, latencyMs);
        }

        public Limits withClockScale(double value) {
            return new Limits(enforce, maxInFlight, pointsPerMinute, primaryLimit, value, latencyMs);
        }

        public Limits withLatencyMs(int value) {
            return new Limits(enforce, maxInFlight, pointsPerMinute, primaryLimit, clockScale, value);
        }

        /** A span of GitHub time (a minute, an hour) in real time: divided by the clock scale. */
        long scaledNanos(Duration githubTime) {
            return Math.max(1, Math.round(githubTime.toNanos() / clockScale));
        }
    }

    static EmulatorOptions parse(String[] args) {
        Path socket = null;
        Path state = null;
        Integer port = null;
        Duration idle = Duration.ofSeconds(600);
        Limits limits = Limits.OFF;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (arg.equals("--limits")) {
                limits = limits.withEnforce(true);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + arg + "\n" + USAGE);
            }
            String value = args[++i];
            switch (arg) {
                case "--socket":
                    socket = Path.of(value);
                    break;
                case "--state":
                    state = Path.of(value);
                    break;
                case "--port":
                    port = number(arg, value, 0, 65535);
                    break;
                case "--idle-timeout-seconds":
                    idle = Duration.ofSeconds(number(arg, value, 0, Integer.MAX_VALUE));
                    break;
                case "--max-in-flight":
                    limits = limits.withMaxInFlight(number(arg, value, 1, Integer.MAX_VALUE));
                    break;
                case "--points-per-minute":
                    limits = limits.withPointsPerMinute(number(arg, value, 1, Integer.MAX_VALUE));
                    break;
                case "--primary-limit":
                    limits = limits.withPrimaryLimit(number(arg, value, 1, Integer.MAX_VALUE));
                    break;
                case "--clock-scale":
                    limits = limits.withClockScale(scale(arg, value));
                    break;
                case "--latency-ms":
                    limits = limits.withLatencyMs(number(arg, value, 0, 600_000));
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        if (state == null || (socket == null && port == null)) {
            throw new IllegalArgumentException(USAGE);
        }
        return new EmulatorOptions(socket, state, port, idle, limits);
    }

    private static int number(String option, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    option + " needs a number from " + min + " to " + max + ", not " + value);
        }
    }

    private static double scale(String option, String value) {
        try {
            double x = Double.parseDouble(value);
            if (x >= 1 && x <= 1_000_000 && !value.trim().matches("(?i).*[a-z].*")) {
                return x;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                option + " needs a number from 1 to 1000000 (fractions allowed), not " + value);
    }
}

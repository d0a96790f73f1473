package dev.spectral.it.github;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run the emulator.
 *
 * @param socket      Unix domain socket to listen on (null: none)
 * @param stateDir    holds state.json, requests.log, faults.json, clock.json
 * @param tcpPort     also listen on 127.0.0.1:port (0 picks one; null: no TCP)
 * @param idleTimeout stop after this long without a request (zero: never)
 */
public record EmulatorOptions(Path socket, Path stateDir, Integer tcpPort, Duration idleTimeout) {
    static final String USAGE = "usage: java dev.spectral.it.github.Main --socket PATH --state DIR"
            + " [--port N] [--idle-timeout-seconds 600]";

    public EmulatorOptions {
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (socket == null && tcpPort == null) {
            throw new IllegalArgumentException("give a socket, a TCP port, or both");
        }
    }

    /** A Unix socket only, no idle timeout: what a test in the same JVM wants. */
    public static EmulatorOptions unixSocket(Path socket, Path stateDir) {
        return new EmulatorOptions(socket, stateDir, null, Duration.ZERO);
    }

    static EmulatorOptions parse(String[] args) {
        Path socket = null;
        Path state = null;
        Integer port = null;
        Duration idle = Duration.ofSeconds(600);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + arg + "\n" + USAGE);
            }
            String value = args[++i];
            switch (arg) {
                case "--socket": socket = Path.of(value); break;
                case "--state": state = Path.of(value); break;
                case "--port": port = number(arg, value, 0, 65535); break;
                case "--idle-timeout-seconds": idle = Duration.ofSeconds(number(arg, value, 0, Integer.MAX_VALUE)); break;
                default: throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        if (state == null || (socket == null && port == null)) {
            throw new IllegalArgumentException(USAGE);
        }
        return new EmulatorOptions(socket, state, port, idle);
    }

    private static int number(String option, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number from " + min + " to " + max + ", not " + value);
        }
    }
}

package dev.spectral.it.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The command line: the limit options and their defaults. */
class EmulatorOptionsTest {
    private static EmulatorOptions parse(String... extra) {
        String[] args = new String[extra.length + 4];
        args[0] = "--socket";
        args[1] = "/tmp/x.sock";
        args[2] = "--state";
        args[3] = "/tmp/state";
        System.arraycopy(extra, 0, args, 4, extra.length);
        return EmulatorOptions.parse(args);
    }

    @Test
    void limitsAreOffByDefaultWithGitHubsNumbers() {
        EmulatorOptions.Limits limits = parse().limits();
        assertEquals(EmulatorOptions.Limits.OFF, limits);
        assertFalse(limits.enforce());
        assertEquals(100, limits.maxInFlight());
        assertEquals(900, limits.pointsPerMinute());
        assertEquals(5000, limits.primaryLimit());
        assertEquals(1.0, limits.clockScale());
        assertEquals(0, limits.latencyMs());
        assertEquals(
                EmulatorOptions.Limits.OFF,
                EmulatorOptions.unixSocket(Path.of("/tmp/x.sock"), Path.of("/tmp/state"))
                        .limits());
        assertEquals(
                EmulatorOptions.Limits.OFF,
                new EmulatorOptions(Path.of("/tmp/x.sock"), Path.of("/tmp/state"), null, Duration.ZERO).limits());
    }

    @Test
    void everyLimitOption() {
        EmulatorOptions options = parse(
                "--limits",
                "--max-in-flight",
                "7",
                "--points-per-minute",
                "100",
                "--clock-scale",
                "60",
                "--latency-ms",
                "150",
                "--primary-limit",
                "42",
                "--idle-timeout-seconds",
                "5");
        EmulatorOptions.Limits limits = options.limits();
        assertTrue(limits.enforce());
        assertEquals(7, limits.maxInFlight());
        assertEquals(100, limits.pointsPerMinute());
        assertEquals(60.0, limits.clockScale());
        assertEquals(150, limits.latencyMs());
        assertEquals(42, limits.primaryLimit());
        assertEquals(Duration.ofSeconds(5), options.idleTimeout());
        assertEquals(2.5, parse("--clock-scale", "2.5").limits().clockScale());
        assertFalse(parse("--latency-ms", "10").limits().enforce(), "latency alone does not turn the limits on");
        assertEquals(EmulatorOptions.Limits.github(), parse("--limits").limits());
    }

    @Test
    void badValuesAreRefused() {
        for (String[] bad : new String[][] {
            {"--clock-scale", "0.5"},
            {"--clock-scale", "0"},
            {"--clock-scale", "-2"},
            {"--clock-scale", "NaN"},
            {"--clock-scale", "Infinity"},
            {"--clock-scale", "x"},
            {"--max-in-flight", "0"},
            {"--points-per-minute", "-1"},
            {"--primary-limit", "0"},
            {"--latency-ms", "-1"},
            {"--latency-ms"},
            {"--limits", "yes"}
        }) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> parse(bad), String.join(" ", bad));
            assertFalse(e.getMessage().isEmpty());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("--help"))
                .getMessage()
                .contains("--points-per-minute"));
    }
}

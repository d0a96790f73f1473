package dev.spectral.provision.process;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** What a finished child left: exit code and captured output. Output may hold values: never log it whole. */
public record CommandResult(int exitCode, byte[] stdout, byte[] stderr, Duration duration) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }
}

package dev.spectral.provision.process;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of an external program.
 *
 * @param step what the run is for, named in errors ("resolve 12 references with op")
 * @param argv the program and its arguments; never a secret value (argv is readable by other users)
 * @param stdin bytes for the child's stdin, the only channel that may carry a secret; empty closes stdin
 * @param timeout how long the child may run before it is killed
 */
public record Command(String step, List<String> argv, Optional<byte[]> stdin, Duration timeout) {

    public Command {
        Objects.requireNonNull(step, "step");
        argv = List.copyOf(argv);
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(timeout, "timeout");
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv is empty");
        }
    }

    public static Command of(String step, Duration timeout, List<String> argv) {
        return new Command(step, argv, Optional.empty(), timeout);
    }

    public Command withStdin(byte[] bytes) {
        return new Command(step, argv, Optional.of(bytes), timeout);
    }

    @Override
    public String toString() {
        return String.join(" ", argv);
    }
}

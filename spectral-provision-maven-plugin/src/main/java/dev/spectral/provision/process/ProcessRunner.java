package dev.spectral.provision.process;

import dev.spectral.provision.log.Log;
import dev.spectral.provision.secret.Redactor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a real child process: a deliberate environment, stdin bytes or a closed stdin, stdout and
 * stderr drained concurrently (so a chatty child never blocks on a full pipe), and a timeout after
 * which the child is killed. At debug level it logs argv, exit code and duration, never stdin or
 * output.
 */
public final class ProcessRunner implements CommandRunner {

    private static final Duration KILL_GRACE = Duration.ofSeconds(2);

    private final Path workingDirectory;
    private final Map<String, String> environment;
    private final Log log;
    private final Redactor redactor;

    public ProcessRunner(Path workingDirectory, Map<String, String> environment, Log log, Redactor redactor) {
        this.workingDirectory = workingDirectory;
        this.environment = Map.copyOf(environment);
        this.log = log;
        this.redactor = redactor;
    }

    @Override
    public CommandResult run(Command command) throws CommandException {
        long start = System.nanoTime();
        Process process = start(command);
        CompletableFuture<byte[]> stdout = drain(process.getInputStream());
        CompletableFuture<byte[]> stderr = drain(process.getErrorStream());
        CompletableFuture<Void> stdin =
                feed(process.getOutputStream(), command.stdin().orElse(new byte[0]));
        try {
            long deadline = start + command.timeout().toNanos();
            if (!process.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw timedOut(command);
            }
            // A child may exit while something it started keeps its output open: bound that wait too.
            byte[] out = stdout.get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
            byte[] err = stderr.get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            CommandResult result = new CommandResult(process.exitValue(), out, err, took);
            stdin.exceptionally(e -> null).get();
            log.debug(redactor.redact("[" + command.step() + "] " + command + " -> exit " + result.exitCode() + " in "
                    + took.toMillis() + " ms"));
            return result;
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new CommandException(
                    command.step() + ": interrupted; " + command.argv().get(0) + " was killed", e);
        } catch (TimeoutException e) {
            throw timedOut(command);
        } catch (ExecutionException e) {
            kill(process);
            throw new CommandException(
                    command.step() + ": could not read the output of "
                            + command.argv().get(0),
                    e.getCause());
        }
    }

    private static long remainingMillis(long deadlineNanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    private static CommandException timedOut(Command command) {
        String program = command.argv().get(0);
        return new CommandException(command.step() + ": " + program + " did not finish within "
                + command.timeout().toMillis() + " ms and was killed; check the network and that " + program
                + " is not waiting for input, or raise spectral.timeout");
    }

    private Process start(Command command) throws CommandException {
        ProcessBuilder builder = new ProcessBuilder(command.argv()).directory(workingDirectory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new CommandException(
                    command.step() + ": cannot run '" + command.argv().get(0) + "': " + e.getMessage()
                            + ". Install it, put it on PATH, or point the plugin at it",
                    e);
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try (stream) {
                        return stream.readAllBytes();
                    } catch (IOException e) {
                        throw new IllegalStateException("reading a child's output failed", e);
                    }
                },
                Threads.IO);
    }

    /** Writes stdin on its own thread: a child that fills stdout before reading stdin must not deadlock. */
    private static CompletableFuture<Void> feed(OutputStream stream, byte[] bytes) {
        return CompletableFuture.runAsync(
                () -> {
                    try (stream) {
                        stream.write(bytes);
                    } catch (IOException e) {
                        // The child exited without reading all of stdin; its exit code tells the story.
                    }
                },
                Threads.IO);
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

package dev.spectral.provision.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spectral.provision.secret.Redactor;
import dev.spectral.provision.testing.RecordingLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real processes through /bin/sh and coreutils. */
class ProcessRunnerTest {

    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final Redactor redactor = new Redactor();
    private final RecordingLog log = new RecordingLog(true);

    private ProcessRunner runner() {
        return new ProcessRunner(dir, ENV, log, redactor);
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void passesStdinToTheChildByteExact() throws Exception {
        byte[] payload = new byte[4096 + 256];
        for (int i = 0; i < 256; i++) {
            payload[i] = (byte) i;
        }
        System.arraycopy(randomBytes(4096, 1), 0, payload, 256, 4096);

        CommandResult result =
                runner().run(Command.of("echo stdin", TIMEOUT, List.of("cat")).withStdin(payload));

        assertEquals(0, result.exitCode());
        assertArrayEquals(payload, result.stdout());
    }

    @Test
    void feedsAMebibyteOfStdinWhileTheChildWritesAMebibyteToStderr() throws Exception {
        byte[] payload = randomBytes(1 << 20, 2);
        // The child fills stderr before it reads stdin: a runner that writes stdin before draining
        // stderr would deadlock (and be killed at the timeout).
        Command command = Command.of(
                        "chatty child",
                        TIMEOUT,
                        List.of("/bin/sh", "-c", "head -c 1048576 /dev/zero >&2; cat; head -c 1048576 /dev/zero >&2"))
                .withStdin(payload);

        CommandResult result = runner().run(command);

        assertEquals(0, result.exitCode());
        assertArrayEquals(payload, result.stdout());
        assertEquals(2 << 20, result.stderr().length);
    }

    @Test
    void closesStdinWhenThereIsNothingToFeed() throws Exception {
        CommandResult result = runner().run(Command.of("cat with no input", Duration.ofSeconds(10), List.of("cat")));

        assertEquals(0, result.exitCode());
        assertEquals(0, result.stdout().length);
    }

    @Test
    void returnsTheExitCodeAndBothOutputs() throws Exception {
        CommandResult result =
                runner().run(Command.of("fail", TIMEOUT, List.of("/bin/sh", "-c", "echo out; echo err >&2; exit 7")));

        assertEquals(7, result.exitCode());
        assertFalse(result.succeeded());
        assertEquals("out\n", result.stdoutText());
        assertEquals("err\n", result.stderrText());
    }

    @Test
    void givesTheChildOnlyTheDeliberateEnvironment() throws Exception {
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "SPECTRAL_PROBE", "a b=c\nd", "HOME", dir.toString());
        ProcessRunner runner = new ProcessRunner(dir, env, log, redactor);

        CommandResult result = runner.run(Command.of("print env", TIMEOUT, List.of("/usr/bin/env", "-0")));

        Map<String, String> seen = new HashMap<>();
        for (String record : result.stdoutText().split("\0")) {
            int eq = record.indexOf('=');
            seen.put(record.substring(0, eq), record.substring(eq + 1));
        }
        assertEquals(env, seen);
    }

    @Test
    void runsInTheGivenWorkingDirectory() throws Exception {
        CommandResult result = runner().run(Command.of("pwd", TIMEOUT, List.of("/bin/pwd", "-P")));

        assertEquals(dir.toRealPath().toString(), result.stdoutText().strip());
    }

    @Test
    void killsAChildThatExceedsItsTimeoutAndNamesTheStep() {
        Command command = Command.of("wait for the slow tool", Duration.ofMillis(300), List.of("sleep", "30"));

        long start = System.nanoTime();
        CommandException e = assertThrows(CommandException.class, () -> runner().run(command));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(e.getMessage().contains("wait for the slow tool"), e.getMessage());
        assertTrue(e.getMessage().contains("sleep"), e.getMessage());
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "took " + took);
    }

    @Test
    void theChildKilledAtItsTimeoutIsNoLongerRunning() throws Exception {
        Path pidFile = dir.resolve("pid");
        Command command = Command.of(
                "wait for the slow tool",
                Duration.ofSeconds(1),
                List.of("/bin/sh", "-c", "echo $$ > \"$1\"; exec sleep 30", "sh", pidFile.toString()));

        assertThrows(CommandException.class, () -> runner().run(command));

        long pid = Long.parseLong(Files.readString(pidFile).strip());
        assertFalse(
                ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                "the child " + pid + " is still alive");
    }

    @Test
    void theTimeoutAlsoBoundsAChildWhoseBackgroundProcessKeepsItsOutputOpen() throws Exception {
        Path pidFile = dir.resolve("background.pid");
        Command command = Command.of(
                "tool that leaves a helper behind",
                Duration.ofSeconds(1),
                List.of("/bin/sh", "-c", "sleep 20 & echo $! > \"$1\"; echo started", "sh", pidFile.toString()));
        try {
            // The child exits at once, but its background helper holds stdout open for 20 s. run()
            // must come back (with the result or a CommandException) close to its 1 s timeout.
            assertTimeoutPreemptively(Duration.ofSeconds(8), () -> {
                try {
                    runner().run(command);
                } catch (CommandException expected) {
                    // Killed at the timeout: acceptable.
                }
            });
        } finally {
            if (Files.exists(pidFile)) {
                ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
                        .ifPresent(ProcessHandle::destroy);
            }
        }
    }

    @Test
    void aMissingExecutableIsACommandExceptionNamingIt() {
        Command command =
                Command.of("run the missing tool", TIMEOUT, List.of("/nonexistent/spectral-no-such-tool", "--version"));

        CommandException e = assertThrows(CommandException.class, () -> runner().run(command));

        assertTrue(e.getMessage().contains("/nonexistent/spectral-no-such-tool"), e.getMessage());
        assertTrue(e.getMessage().contains("run the missing tool"), e.getMessage());
    }

    @Test
    void logsArgvAndExitCodeAtDebugButNeverStdinOrOutput() throws Exception {
        String stdin = "stdin-only-secret-4711";

        runner().run(new Command(
                "echo a value", List.of("cat", "-u"), Optional.of(stdin.getBytes(StandardCharsets.UTF_8)), TIMEOUT));

        List<String> debug = log.lines("DEBUG");
        assertEquals(1, debug.size(), log.all());
        assertTrue(debug.get(0).contains("cat -u"), debug.get(0));
        assertTrue(debug.get(0).contains("exit 0"), debug.get(0));
        assertTrue(debug.get(0).contains("echo a value"), debug.get(0));
        assertFalse(log.all().contains(stdin), log.all());
    }

    @Test
    void redactsKnownValuesInTheDebugLine() throws Exception {
        redactor.register("value-that-should-never-be-on-argv");

        runner().run(Command.of("mistake", TIMEOUT, List.of("/bin/echo", "value-that-should-never-be-on-argv")));

        assertFalse(log.all().contains("value-that-should-never-be-on-argv"), log.all());
        assertTrue(log.lines("DEBUG").get(0).contains("/bin/echo ***"), log.all());
    }
}

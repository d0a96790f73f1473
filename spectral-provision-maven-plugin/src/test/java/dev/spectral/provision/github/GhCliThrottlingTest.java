package dev.spectral.provision.github;

import static dev.spectral.provision.testing.ScriptedRunner.exit;
import static dev.spectral.provision.testing.ScriptedRunner.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spectral.provision.process.Command;
import dev.spectral.provision.process.CommandException;
import dev.spectral.provision.process.CommandResult;
import dev.spectral.provision.secret.Redactor;
import dev.spectral.provision.secret.SecretValue;
import dev.spectral.provision.testing.RecordingLog;
import dev.spectral.provision.testing.ScriptedRunner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** GhCli within the request budget: calls cut to the cap, throttled calls waited out and sent again. */
class GhCliThrottlingTest {

    private static final String REPO = "spectral-dev/platform";
    private static final String SECONDARY =
            "HTTP 403: You have exceeded a secondary rate limit. Please wait a few minutes before "
                    + "you try again. (https://api.github.com/repositories/1/environments/production/secrets/%s)";

    private final Redactor redactor = new Redactor();
    private final ScriptedRunner runner = new ScriptedRunner();
    private final RecordingLog log = new RecordingLog();
    private final FakeTicker ticker = new FakeTicker();

    private GhCli gh(GitHubLimits limits) {
        return new GhCli(
                runner,
                "gh",
                Optional.of(REPO),
                Duration.ofSeconds(30),
                redactor,
                new RequestBudget(limits, ticker, () -> 0),
                log);
    }

    private GhCli gh() {
        return gh(new GitHubLimits(30, 900, Duration.ofSeconds(60), Duration.ofMinutes(10)));
    }

    private Map<String, SecretValue> secrets(int n) {
        Map<String, SecretValue> values = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            values.put(String.format("KEY_%03d", i), SecretValue.of(String.format("value-%03d-abcdef", i), redactor));
        }
        return values;
    }

    private static List<String> namesSent(Command command) {
        return new String(command.stdin().orElseThrow(), StandardCharsets.UTF_8)
                .lines()
                .map(l -> l.substring(0, l.indexOf('=')))
                .toList();
    }

    private static String throttled(List<String> names) {
        StringBuilder out = new StringBuilder(names.size() + " errors occurred:\n");
        names.forEach(n -> out.append("\t* failed to set secret \"")
                .append(n)
                .append("\": ")
                .append(String.format(SECONDARY, n))
                .append('\n'));
        return out.toString();
    }

    @Test
    void aBulkSetIsCutIntoCallsOfHalfTheCapSoThatTheyOverlap() throws Exception {
        runner.on(List.of("gh", "secret", "set"), c -> ok(""));
        AtomicInteger written = new AtomicInteger();

        Map<String, String> failed = gh().setSecrets("production", secrets(70), written::addAndGet);

        assertEquals(Map.of(), failed);
        assertEquals(
                List.of(15, 15, 15, 15, 10),
                runner.commands().stream().map(c -> namesSent(c).size()).toList());
        assertEquals(70, written.get());
        assertEquals(Duration.ZERO, ticker.slept());
    }

    @Test
    void onlyTheSecretsGitHubThrottledAreSentAgainAfterTheWait() throws Exception {
        List<List<String>> sent = new ArrayList<>();
        runner.on(List.of("gh", "secret", "set"), c -> {
            sent.add(namesSent(c));
            return sent.size() == 1 ? exit(1, throttled(List.of("KEY_001", "KEY_003"))) : ok("");
        });
        AtomicInteger written = new AtomicInteger();

        Map<String, String> failed = gh().setSecrets("production", secrets(5), written::addAndGet);

        assertEquals(Map.of(), failed);
        assertEquals(List.of("KEY_001", "KEY_003"), sent.get(1));
        assertEquals(2, sent.size());
        assertEquals(5, written.get());
        assertEquals(Duration.ofSeconds(60), ticker.slept(), "no retry-after from gh secret set: a minute");
        assertEquals(
                List.of(
                        "set 5 secret(s) in production: GitHub throttled 2 of them (secondary rate limit); they are sent again "
                                + "after the wait"),
                log.lines("INFO"));
        assertEquals(List.of(), log.lines("WARN"), "throttling that is waited out is no warning");
        assertEquals(1, log.lines("DEBUG").size(), "gh's output once for the call, at debug: " + log.lines());
    }

    @Test
    void aSecretThatFailsForAnotherReasonIsNotSentAgain() throws Exception {
        runner.on(
                List.of("gh", "secret", "set"),
                c -> exit(
                        1,
                        "1 error occurred:\n\t* failed to set secret \"KEY_002\": HTTP 422: Unprocessable Entity (https://x)\n"));

        Map<String, String> failed = gh().setSecrets("production", secrets(3), n -> {});

        assertEquals(List.of("KEY_002"), List.copyOf(failed.keySet()));
        assertEquals(1, log.lines("WARN").size(), "gh's output once for the call: " + log.lines());
        assertEquals("HTTP 422: Unprocessable Entity", failed.get("KEY_002"), "without the link that names the key");
        assertEquals(1, runner.commands().size());
    }

    @Test
    void whenTheWaitBudgetIsSpentWhatIsLeftFailsWithTheReasonAndTheRestIsKept() throws Exception {
        runner.on(List.of("gh", "secret", "set"), c -> {
            List<String> names = namesSent(c);
            return names.contains("KEY_000") ? exit(1, throttled(List.of("KEY_000"))) : ok("");
        });
        GhCli gh = gh(new GitHubLimits(4, 900, Duration.ofSeconds(60), Duration.ofSeconds(100)));

        Map<String, String> failed = gh.setSecrets("production", secrets(5), n -> {});

        assertEquals(List.of("KEY_000", "KEY_002", "KEY_003", "KEY_004"), List.copyOf(failed.keySet()));
        assertTrue(failed.get("KEY_004").contains("spectral.github.maxWait"), failed.get("KEY_004"));
        assertEquals(2, runner.commands().size(), "KEY_000 and KEY_001, then KEY_000 alone; nothing after the stop");
    }

    @Test
    void aCallThatFailsAsAWholeFailsOnlyItsOwnSecrets() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        runner.on(List.of("gh", "secret", "set"), c -> {
            if (calls.incrementAndGet() == 2) {
                throw new CommandException(
                        "set 15 secret(s) in production: gh did not finish within 30000 ms and was killed");
            }
            return ok("");
        });
        AtomicInteger written = new AtomicInteger();

        Map<String, String> failed = gh().setSecrets("production", secrets(70), written::addAndGet);

        assertEquals(55, written.get());
        assertEquals(15, failed.size());
        assertTrue(
                failed.keySet().stream()
                        .allMatch(name -> name.compareTo("KEY_015") >= 0 && name.compareTo("KEY_030") < 0),
                failed.keySet().toString());
        assertTrue(failed.get("KEY_029").contains("was killed"), failed.get("KEY_029"));
    }

    @Test
    void aThrottledRestCallWaitsWhatRetryAfterSaysAndIsSentAgain() throws Exception {
        List<CommandResult> answers = new ArrayList<>(List.of(
                new CommandResult(
                        1,
                        "HTTP/2.0 403 Forbidden\r\nRetry-After: 7\r\n\r\n{}".getBytes(StandardCharsets.UTF_8),
                        "gh: You have exceeded a secondary rate limit. (HTTP 403)\n".getBytes(StandardCharsets.UTF_8),
                        Duration.ZERO),
                ok("HTTP/2.0 201 Created\r\n\r\n{}")));
        runner.on(List.of("gh", "api"), c -> answers.remove(0));

        gh().createVariable("production", "LOG_LEVEL", "info");

        assertEquals(2, runner.commands().size());
        assertEquals(Duration.ofSeconds(7), ticker.slept());
    }

    @Test
    void aSpentHourlyLimitStopsAtOnceAndSaysWhenItResets() throws Exception {
        runner.on(
                List.of("gh", "api"),
                c -> new CommandResult(
                        1,
                        "HTTP/2.0 403 Forbidden\r\nX-Ratelimit-Remaining: 0\r\nX-Ratelimit-Reset: 1800000000\r\n\r\n{}"
                                .getBytes(StandardCharsets.UTF_8),
                        "gh: API rate limit exceeded for user ID 1. (HTTP 403)\n".getBytes(StandardCharsets.UTF_8),
                        Duration.ZERO));
        GhCli gh = gh();

        GitHubException e = assertThrows(GitHubException.class, () -> gh.deleteVariable("production", "OLD"));
        GitHubException next = assertThrows(GitHubException.class, () -> gh.deleteVariable("production", "OLDER"));

        assertEquals(GitHubException.Kind.RATE_LIMITED, e.kind());
        assertTrue(e.getMessage().contains("it resets at 2027-01-15T08:00:00Z"), e.getMessage());
        assertEquals(GitHubException.Kind.RATE_LIMITED, next.kind());
        assertEquals(1, runner.commands().size(), "nothing is sent once the hourly limit is spent");
        assertEquals(Duration.ZERO, ticker.slept());
    }

    @Test
    void gitHubsOlderAbuseWordingAndHttp429AreThrottlingToo() {
        assertTrue(Throttling.secondary("gh: You have triggered an abuse detection mechanism. (HTTP 403)"));
        assertTrue(Throttling.secondary("HTTP 429: Too Many Requests"));
        assertTrue(!Throttling.secondary("HTTP 403: Resource not accessible by integration"));
        assertTrue(!Throttling.primary(
                "HTTP 403: Resource not accessible by integration", "X-RateLimit-Remaining: 4999\r\n"));
    }
}

package dev.spectral.provision.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spectral.provision.secret.Redactor;
import dev.spectral.provision.secret.SecretValue;
import dev.spectral.provision.testing.FakeGitHub;
import dev.spectral.provision.testing.RecordingLog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GitHubApplierTest {

    private static final int POOL_SIZE = 4;

    private final ExecutorService pool = Executors.newFixedThreadPool(POOL_SIZE);
    private final FakeGitHub github = new FakeGitHub("production", "staging");
    private final RecordingLog log = new RecordingLog(false);
    private final Redactor redactor = new Redactor();

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private List<ChangeResult> apply(List<Change> changes) {
        return new GitHubApplier(github, pool, log).apply(changes, secrets());
    }

    /** Each secret's value is "value-of-" and its key. */
    private Function<Change, SecretValue> secrets() {
        return change -> SecretValue.of("value-of-" + change.key(), redactor);
    }

    private static Change set(String env, String key) {
        return new Change(
                env,
                key,
                Kind.SECRET,
                Action.SET,
                "op://Spectral/" + key.toLowerCase() + "/field",
                Optional.empty(),
                Optional.empty());
    }

    private static Change variable(String env, String key, Action action, String value) {
        return new Change(env, key, Kind.VARIABLE, action, Change.LITERAL, Optional.of(value), Optional.empty());
    }

    private static Change delete(String env, String key, Kind kind, String why) {
        return new Change(env, key, kind, Action.DELETE, Change.NOT_IN_FILE, Optional.empty(), Optional.of(why));
    }

    private static Map<String, ChangeResult.Status> statusByLabel(List<ChangeResult> results) {
        return results.stream().collect(Collectors.toMap(r -> r.change().label(), ChangeResult::status));
    }

    @Test
    void writesEverythingBeforeDeletingAnything() {
        github.putSecret("production", "OLD_SECRET");
        github.putVariable("production", "OLD_VAR", "x");
        github.putVariable("production", "API_KEY", "was a variable");
        List<Change> plan = List.of(
                delete("production", "OLD_SECRET", Kind.SECRET, "pruned"),
                set("production", "API_KEY"),
                delete("production", "API_KEY", Kind.VARIABLE, "kind changed to secret"),
                variable("production", "LOG_LEVEL", Action.CREATE, "info"),
                delete("production", "OLD_VAR", Kind.VARIABLE, "pruned"),
                variable("staging", "LOG_LEVEL", Action.UPDATE, "debug"),
                set("staging", "DB_URL"));

        List<ChangeResult> results = apply(plan);

        assertTrue(results.stream().allMatch(r -> r.status() == ChangeResult.Status.DONE), results.toString());
        List<String> calls = github.writeCalls();
        int lastWrite = -1;
        int firstDelete = Integer.MAX_VALUE;
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).startsWith("delete")) {
                firstDelete = Math.min(firstDelete, i);
            } else {
                lastWrite = i;
            }
        }
        assertEquals(7, calls.size(), calls.toString());
        assertTrue(calls.contains("setSecrets production [API_KEY]"), calls.toString());
        assertTrue(lastWrite < firstDelete, "a delete ran before a write: " + calls);
        assertEquals(
                "value-of-API_KEY", github.secrets("production").get("API_KEY").reveal());
        assertEquals(Map.of("LOG_LEVEL", "info"), github.variables("production"));
        assertEquals(Map.of("LOG_LEVEL", "debug"), github.variables("staging"));
        assertFalse(github.secrets("production").containsKey("OLD_SECRET"));
    }

    @Test
    void keepsTheOldKindWhenWritingTheNewKindFails() {
        github.putVariable("production", "API_KEY", "still here");
        github.failOn.add("setSecret production API_KEY");
        Change write = set("production", "API_KEY");
        Change oldKind = delete("production", "api_key", Kind.VARIABLE, "kind changed to secret");

        List<ChangeResult> results = apply(List.of(write, oldKind));

        Map<String, ChangeResult.Status> status = statusByLabel(results);
        assertEquals(ChangeResult.Status.FAILED, status.get(write.label()));
        assertEquals(ChangeResult.Status.SKIPPED, status.get(oldKind.label()));
        assertEquals("still here", github.variables("production").get("API_KEY"));
        assertFalse(github.calls.stream().anyMatch(c -> c.startsWith("deleteVariable")), github.calls.toString());
    }

    @Test
    void aFailedWriteInOneEnvironmentDoesNotKeepTheSameKeyInAnother() {
        github.putVariable("staging", "API_KEY", "old");
        github.failOn.add("setSecret production API_KEY");
        Change stagingDelete = delete("staging", "API_KEY", Kind.VARIABLE, "kind changed to secret");

        List<ChangeResult> results =
                apply(List.of(set("production", "API_KEY"), set("staging", "API_KEY"), stagingDelete));

        assertEquals(ChangeResult.Status.DONE, statusByLabel(results).get(stagingDelete.label()));
        assertFalse(github.variables("staging").containsKey("API_KEY"));
    }

    @Test
    void oneFailureDoesNotStopTheOthers() {
        github.failOn.add("createVariable production B");
        List<Change> plan = List.of(
                variable("production", "A", Action.CREATE, "1"),
                variable("production", "B", Action.CREATE, "2"),
                variable("production", "C", Action.CREATE, "3"),
                set("production", "D"),
                set("production", "E"));

        List<ChangeResult> results = apply(plan);

        List<ChangeResult> failed =
                results.stream().filter(ChangeResult::failed).toList();
        assertEquals(1, failed.size());
        assertEquals("B", failed.get(0).change().key());
        assertTrue(
                failed.get(0).error().orElseThrow().contains("createVariable production B"),
                failed.get(0).error().toString());
        assertEquals(Map.of("A", "1", "C", "3"), github.variables("production"));
        assertEquals(
                List.of("D", "E"),
                github.secrets("production").keySet().stream().sorted().toList());
        assertEquals(
                4,
                results.stream()
                        .filter(r -> r.status() == ChangeResult.Status.DONE)
                        .count());
    }

    @Test
    void givesEveryChangeAResult() {
        List<Change> plan = List.of(
                set("production", "A"),
                variable("production", "B", Action.UNCHANGED, "same"),
                new Change(
                        "production",
                        "STALE_ONE",
                        Kind.SECRET,
                        Action.STALE,
                        Change.NOT_IN_FILE,
                        Optional.empty(),
                        Optional.of("not in file")),
                variable("production", "C", Action.UPDATE, "new"),
                delete("production", "D", Kind.SECRET, "pruned"));
        github.failOn.add("updateVariable production C");

        List<ChangeResult> results = apply(plan);

        assertEquals(plan.size(), results.size());
        assertEquals(
                new HashSet<>(plan), results.stream().map(ChangeResult::change).collect(Collectors.toSet()));
        Map<String, ChangeResult.Status> status = statusByLabel(results);
        assertEquals(ChangeResult.Status.DONE, status.get(plan.get(0).label()));
        assertEquals(ChangeResult.Status.SKIPPED, status.get(plan.get(1).label()));
        assertEquals(ChangeResult.Status.SKIPPED, status.get(plan.get(2).label()));
        assertEquals(ChangeResult.Status.FAILED, status.get(plan.get(3).label()));
        assertEquals(ChangeResult.Status.DONE, status.get(plan.get(4).label()));
        assertFalse(
                github.calls.stream().anyMatch(c -> c.contains(" B") || c.contains("STALE_ONE")),
                github.calls.toString());
    }

    @Test
    void runsChangesConcurrentlyOnThePool() {
        github.holdUntilConcurrent(POOL_SIZE);
        List<Change> plan = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            plan.add(variable("production", "KEY_" + i, Action.CREATE, "v" + i));
        }

        List<ChangeResult> results = apply(plan);

        assertTrue(results.stream().allMatch(r -> r.status() == ChangeResult.Status.DONE), results.toString());
        assertTrue(github.maxConcurrentCalls() > 1, "max concurrent calls: " + github.maxConcurrentCalls());
        assertTrue(github.maxConcurrentCalls() <= POOL_SIZE, "max concurrent calls: " + github.maxConcurrentCalls());
    }

    @Test
    void setsTheSecretsDotenvPassesUnchangedInOneCallPerEnvironment() {
        Function<Change, SecretValue> values = change -> SecretValue.of(
                switch (change.key()) {
                    case "PEM" -> "-----BEGIN KEY-----\nabc\n-----END KEY-----";
                    case "QUOTED" -> "it's";
                    default -> "token-" + change.key();
                },
                redactor);
        List<Change> plan = List.of(
                set("production", "A"),
                set("production", "B"),
                set("production", "PEM"),
                set("production", "QUOTED"),
                set("staging", "A"));

        List<ChangeResult> results = new GitHubApplier(github, pool, log).apply(plan, values);

        assertTrue(results.stream().allMatch(r -> r.status() == ChangeResult.Status.DONE), results.toString());
        assertEquals(
                List.of(
                        "setSecret production PEM",
                        "setSecret production QUOTED",
                        "setSecrets production [A, B]",
                        "setSecrets staging [A]"),
                github.writeCalls().stream().sorted().toList());
    }

    @Test
    void aBulkFailureFailsOnlyTheNamesItNames() {
        github.failOn.add("setSecret production B");

        List<ChangeResult> results = apply(List.of(set("production", "A"), set("production", "B")));

        Map<String, ChangeResult.Status> status = statusByLabel(results);
        assertEquals(ChangeResult.Status.DONE, status.get(set("production", "A").label()));
        assertEquals(
                ChangeResult.Status.FAILED, status.get(set("production", "B").label()));
    }

    @Test
    void aSecretWhoseValueCannotBeFoundFailsAlone() {
        List<ChangeResult> results = new GitHubApplier(github, pool, log)
                .apply(List.of(set("production", "A"), set("production", "B")), change -> {
                    if (change.key().equals("A")) {
                        throw new IllegalStateException("no value for A");
                    }
                    return SecretValue.of("b-value", redactor);
                });

        Map<String, ChangeResult.Status> status = statusByLabel(results);
        assertEquals(
                ChangeResult.Status.FAILED, status.get(set("production", "A").label()));
        assertEquals(ChangeResult.Status.DONE, status.get(set("production", "B").label()));
    }
}

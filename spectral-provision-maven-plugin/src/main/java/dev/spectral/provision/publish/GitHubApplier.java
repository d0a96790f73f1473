package dev.spectral.provision.publish;

import dev.spectral.provision.github.BulkSecrets;
import dev.spectral.provision.github.GitHub;
import dev.spectral.provision.github.GitHubException;
import dev.spectral.provision.log.Brief;
import dev.spectral.provision.log.Log;
import dev.spectral.provision.secret.SecretValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies GitHub changes concurrently on a bounded pool. Writes go first and deletes after, and the
 * old kind of a key that changed kind is deleted only once its new kind is written: a failure never
 * leaves a key missing. Every change gets a result; one failure does not stop the others.
 * The secrets of an environment that dotenv passes unchanged go in one call ({@link BulkSecrets});
 * the others, and variables (the REST API has no bulk form for them), go one call each.
 */
public final class GitHubApplier {

    private final GitHub github;
    private final ExecutorService pool;
    private final Log log;
    private final FailureReasons reasons = new FailureReasons();

    public GitHubApplier(GitHub github, ExecutorService pool, Log log) {
        this.github = github;
        this.pool = pool;
        this.log = log;
    }

    /**
     * @param secretOf the resolved value of a secret change
     */
    public List<ChangeResult> apply(List<Change> changes, Function<Change, SecretValue> secretOf) {
        List<Change> writes = changes.stream()
                .filter(c -> c.action().writes() && c.action() != Action.DELETE)
                .toList();
        List<Change> deletes =
                changes.stream().filter(c -> c.action() == Action.DELETE).toList();
        Map<String, Integer> totals = new LinkedHashMap<>();
        changes.stream().filter(c -> c.action().writes()).forEach(c -> totals.merge(c.environment(), 1, Integer::sum));
        List<ChangeResult> results = new ArrayList<>();
        try (Progress progress = new Progress(totals, github::pace, log, Progress.EVERY)) {
            results.addAll(writeAll(writes, secretOf, progress));
            results.addAll(deleteUnlessTheirNewKindFailed(deletes, results, progress));
        }
        changes.stream()
                .filter(c -> !c.action().writes())
                .forEach(c -> results.add(ChangeResult.skipped(c, "nothing to write")));
        return results;
    }

    /** Bulk secret calls per environment alongside single calls for the rest, all at once on the pool. */
    private List<ChangeResult> writeAll(
            List<Change> writes, Function<Change, SecretValue> secretOf, Progress progress) {
        Map<String, List<Change>> bulk = writes.stream()
                .filter(c -> c.action() == Action.SET && bulkable(c, secretOf))
                .collect(Collectors.groupingBy(Change::environment, LinkedHashMap::new, Collectors.toList()));
        List<Change> single = writes.stream()
                .filter(c -> !bulk.getOrDefault(c.environment(), List.of()).contains(c))
                .toList();
        List<CompletableFuture<List<ChangeResult>>> bulkRuns = bulk.entrySet().stream()
                .map(e -> CompletableFuture.supplyAsync(
                        () -> setTogether(e.getKey(), e.getValue(), secretOf, progress), pool))
                .toList();
        List<ChangeResult> results = new ArrayList<>(runAll(single, c -> write(c, secretOf), progress));
        bulkRuns.forEach(run -> results.addAll(run.join()));
        return results;
    }

    /** The old kind of a key is deleted only once its new kind is written: a failure never leaves a key missing. */
    private List<ChangeResult> deleteUnlessTheirNewKindFailed(
            List<Change> deletes, List<ChangeResult> written, Progress progress) {
        Set<String> failedKeys = written.stream()
                .filter(ChangeResult::failed)
                .map(r -> r.change().environment() + "/" + r.change().key().toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());
        List<ChangeResult> results = new ArrayList<>();
        List<Change> safeDeletes = new ArrayList<>();
        for (Change delete : deletes) {
            if (failedKeys.contains(delete.environment() + "/" + delete.key().toUpperCase(Locale.ROOT))) {
                results.add(ChangeResult.skipped(delete, "kept: writing the new kind failed"));
            } else {
                safeDeletes.add(delete);
            }
        }
        results.addAll(runAll(safeDeletes, this::delete, progress));
        return results;
    }

    private List<ChangeResult> runAll(List<Change> changes, Step step, Progress progress) {
        List<CompletableFuture<ChangeResult>> futures = changes.stream()
                .map(c -> CompletableFuture.supplyAsync(() -> timed(c, step, progress), pool))
                .toList();
        return futures.stream().map(CompletableFuture::join).toList();
    }

    /** A value that cannot even be looked up goes alone, where its failure is reported on its own. */
    private static boolean bulkable(Change change, Function<Change, SecretValue> secretOf) {
        try {
            return BulkSecrets.passesUnchanged(secretOf.apply(change));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private List<ChangeResult> setTogether(
            String env, List<Change> changes, Function<Change, SecretValue> secretOf, Progress progress) {
        long start = System.nanoTime();
        Map<String, SecretValue> values = new LinkedHashMap<>();
        changes.forEach(c -> values.put(c.key(), secretOf.apply(c)));
        Map<String, String> failed;
        try {
            failed = github.setSecrets(env, values, count -> progress.done(env, count));
        } catch (GitHubException | RuntimeException e) {
            failed = new HashMap<>();
            for (Change c : changes) {
                failed.put(c.key(), reasonOf(e));
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        List<ChangeResult> results = new ArrayList<>();
        for (Change c : changes) {
            Optional<String> error = Optional.ofNullable(failed.get(c.key()));
            results.add(error.map(message -> failure(c, message, took))
                    .orElseGet(() -> new ChangeResult(c, ChangeResult.Status.DONE, Optional.empty(), took)));
        }
        return results;
    }

    private ChangeResult timed(Change change, Step step, Progress progress) {
        long start = System.nanoTime();
        try {
            step.run(change);
            progress.done(change.environment(), 1);
            return new ChangeResult(
                    change, ChangeResult.Status.DONE, Optional.empty(), Duration.ofNanos(System.nanoTime() - start));
        } catch (GitHubException | RuntimeException e) {
            return failure(change, reasonOf(e), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /**
     * One line per failed change. A reason is spelled out the first time; later changes that failed
     * for it name its number, so a failure of hundreds of keys does not repeat it hundreds of times.
     */
    private ChangeResult failure(Change change, String message, Duration took) {
        String reason = Brief.reason(message);
        synchronized (reasons) {
            FailureReasons.Numbered numbered = reasons.number(reason);
            log.error("failed: " + change.label() + ": "
                    + (numbered.first()
                            ? reason + " (reason " + numbered.number() + ")"
                            : "reason " + numbered.number() + ", as above"));
        }
        return new ChangeResult(change, ChangeResult.Status.FAILED, Optional.of(reason), took);
    }

    private static String reasonOf(Exception e) {
        return e instanceof GitHubException g ? g.reason() : String.valueOf(e.getMessage());
    }

    /** The distinct reasons changes failed for so far, the first numbered 1. */
    public List<String> failureReasons() {
        return reasons.all();
    }

    private void write(Change change, Function<Change, SecretValue> secretOf) throws GitHubException {
        String env = change.environment();
        switch (change.action()) {
            case SET -> github.setSecret(env, change.key(), secretOf.apply(change));
            case CREATE ->
                github.createVariable(env, change.key(), change.literal().orElseThrow());
            case UPDATE ->
                github.updateVariable(env, change.key(), change.literal().orElseThrow());
            default -> throw new IllegalStateException("not a write: " + change.action());
        }
    }

    private void delete(Change change) throws GitHubException {
        if (change.kind() == Kind.SECRET) {
            github.deleteSecret(change.environment(), change.key());
        } else {
            github.deleteVariable(change.environment(), change.key());
        }
    }

    @FunctionalInterface
    private interface Step {
        void run(Change change) throws GitHubException;
    }
}

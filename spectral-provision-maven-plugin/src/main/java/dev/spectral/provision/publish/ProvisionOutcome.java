package dev.spectral.provision.publish;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a provisioning run planned and did.
 *
 * @param repository the GitHub repository, when a published environment was selected
 * @param environments each selected environment and where it goes ("github" or the .env path)
 * @param results one per planned change
 * @param dryRun nothing was written
 * @param duration the whole run
 * @param failureReasons the distinct errors of the failed changes: those the log numbered, in its
 *     order, then any other
 */
public record ProvisionOutcome(
        Optional<String> repository,
        Map<String, String> environments,
        List<ChangeResult> results,
        boolean dryRun,
        Duration duration,
        List<String> failureReasons) {

    public ProvisionOutcome {
        environments = Collections.unmodifiableMap(new LinkedHashMap<>(environments));
        results = List.copyOf(results);
        failureReasons = withTheRest(failureReasons, results);
    }

    private static List<String> withTheRest(List<String> numbered, List<ChangeResult> results) {
        Set<String> reasons = new LinkedHashSet<>(numbered);
        results.stream()
                .filter(ChangeResult::failed)
                .forEach(r -> reasons.add(r.error().orElse("")));
        return List.copyOf(reasons);
    }

    /** The number (from 1) of a failed change's reason in {@link #failureReasons()}. */
    public int reasonNumber(ChangeResult failed) {
        return failureReasons.indexOf(failed.error().orElse("")) + 1;
    }

    public List<ChangeResult> failures() {
        return results.stream().filter(ChangeResult::failed).toList();
    }

    /** Environments with no failed change: they hold what the file says. */
    public List<String> currentEnvironments() {
        return environments.keySet().stream()
                .filter(env -> failures().stream()
                        .noneMatch(f -> f.change().environment().equals(env)))
                .sorted()
                .toList();
    }

    public List<String> incompleteEnvironments() {
        return failures().stream()
                .map(f -> f.change().environment())
                .distinct()
                .sorted()
                .toList();
    }
}

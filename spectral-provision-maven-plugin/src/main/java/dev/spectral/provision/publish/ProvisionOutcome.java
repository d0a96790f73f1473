package dev.spectral.provision.publish;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a provisioning run planned and did.
 *
 * @param repository the GitHub repository, when a published environment was selected
 * @param environments each selected environment and where it goes ("github" or the .env path)
 * @param results one per planned change
 * @param dryRun nothing was written
 * @param duration the whole run
 */
public record ProvisionOutcome(Optional<String> repository, Map<String, String> environments, List<ChangeResult> results,
        boolean dryRun, Duration duration) {

    public ProvisionOutcome {
        environments = Collections.unmodifiableMap(new LinkedHashMap<>(environments));
        results = List.copyOf(results);
    }

    public List<ChangeResult> failures() {
        return results.stream().filter(ChangeResult::failed).toList();
    }

    /** Environments with no failed change: they hold what the file says. */
    public List<String> currentEnvironments() {
        return environments.keySet().stream().filter(env -> failures().stream()
                .noneMatch(f -> f.change().environment().equals(env))).sorted().toList();
    }

    public List<String> incompleteEnvironments() {
        return failures().stream().map(f -> f.change().environment()).distinct().sorted().toList();
    }
}

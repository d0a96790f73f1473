package dev.spectral.provision.verify;

import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.Environment;
import dev.spectral.provision.config.Finding;
import dev.spectral.provision.verify.remote.RemoteVerifier;
import dev.spectral.provision.verify.workflow.WorkflowGatingCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One run of {@code spectral:verify} after the offline checks: the CI gating of the workflows
 * folder (given, or the nearest {@code .github/workflows} above the project), the remote checks when
 * asked, every finding in file order, and the verdict.
 */
public final class Verification {

    /** What the run found and whether it fails the build. */
    public record Outcome(
            List<Finding> findings, long errors, long warnings, boolean failed, Optional<Path> workflows) {

        public Outcome {
            findings = List.copyOf(findings);
        }
    }

    private final Set<String> localEnvironments;
    private final Function<Path, String> displayName;

    public Verification(Set<String> localEnvironments, Function<Path, String> displayName) {
        this.localEnvironments = Set.copyOf(localEnvironments);
        this.displayName = displayName;
    }

    /**
     * @param offline the findings of the offline checks
     * @param workflows the workflows folder as configured; empty: the nearest at or above {@code project}
     * @param remote the remote checks, when asked for
     */
    public Outcome run(
            Config config,
            List<Finding> offline,
            Optional<Path> workflows,
            Path project,
            Optional<RemoteVerifier> remote,
            FailOn failOn) {
        List<Finding> findings = new ArrayList<>(offline);
        Set<String> published = config.environments().stream()
                .map(Environment::name)
                .filter(name -> !localEnvironments.contains(name))
                .collect(Collectors.toSet());
        Optional<Path> folder = workflows.isPresent() ? workflows : WorkflowGatingCheck.nearestWorkflows(project);
        folder.ifPresent(f -> findings.addAll(new WorkflowGatingCheck(f, displayName).check(published)));
        remote.ifPresent(r -> findings.addAll(r.verify(config, localEnvironments)));
        findings.sort(Comparator.comparing((Finding f) -> f.position().file())
                .thenComparingInt(f -> f.position().line()));
        long errors = findings.stream().filter(Finding::isError).count();
        long warnings = findings.size() - errors;
        return new Outcome(findings, errors, warnings, errors > 0 || failOn == FailOn.WARNING && warnings > 0, folder);
    }
}

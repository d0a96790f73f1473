package dev.spectral.provision.rotate;

import dev.spectral.provision.publish.ProvisionOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a rotation went.
 *
 * @param plan what was planned
 * @param stored the new value is in 1Password (and read back equal)
 * @param publish the republishing, when it ran
 * @param publishError why republishing stopped before it could report per key, if it did
 * @param dryRun nothing was written
 * @param duration the whole run
 */
public record RotationOutcome(RotationPlan plan, boolean stored, Optional<ProvisionOutcome> publish,
        Optional<String> publishError, boolean dryRun, Duration duration) {

    /** The environments that hold the new value. */
    public List<String> current() {
        if (publishError.isPresent()) {
            return List.of();
        }
        return publish.map(ProvisionOutcome::currentEnvironments).orElse(List.of());
    }

    /** The environments that still hold the old value. */
    public List<String> behind() {
        if (!stored) {
            return List.of();
        }
        return plan.republish().stream().filter(env -> !current().contains(env)).toList();
    }

    public boolean complete() {
        return dryRun || stored && behind().isEmpty();
    }

    /** The command that finishes an interrupted or partly failed rotation. */
    public String finishCommand() {
        return "mvn spectral:provision -Denv=" + String.join(",", behind().isEmpty() ? plan.republish() : behind());
    }
}

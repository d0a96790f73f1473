package dev.spectral.provision.rotate;

import dev.spectral.provision.publish.ProvisionOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a rotation went: each unit, then the one republishing of the environments that read the
 * stored ones. Never a value.
 *
 * @param run what was selected, when, and how
 * @param units each unit, in plan order
 * @param untouched secrets within a selector's reach that the run does not rotate
 * @param publish the republishing, when it ran
 * @param publishError why republishing stopped before it could report per key, if it did
 * @param duration the whole run
 * @param stoppedBy the failure that stopped minting, if one did
 */
public record RotationOutcome(
        RotationRun run,
        List<UnitResult> units,
        List<Untouched> untouched,
        Optional<ProvisionOutcome> publish,
        Optional<String> publishError,
        Duration duration,
        Optional<RotationException> stoppedBy) {

    public RotationOutcome {
        Objects.requireNonNull(run);
        units = List.copyOf(units);
        untouched = List.copyOf(untouched);
        Objects.requireNonNull(publish);
        Objects.requireNonNull(publishError);
        Objects.requireNonNull(duration);
        Objects.requireNonNull(stoppedBy);
    }

    public boolean dryRun() {
        return run.dryRun();
    }

    /** Every unit's new value is in 1Password (and read back equal); true when there was nothing to store. */
    public boolean stored() {
        return !dryRun() && units.stream().allMatch(UnitResult::stored);
    }

    /** The environments that read a stored unit: republished once each. */
    public List<String> republish() {
        Set<String> environments = new LinkedHashSet<>();
        units.stream()
                .filter(UnitResult::stored)
                .forEach(u -> environments.addAll(u.plan().republish()));
        return List.copyOf(environments);
    }

    /** The environments that hold the new values. */
    public List<String> current() {
        if (publishError.isPresent()) {
            return List.of();
        }
        List<String> current =
                publish.map(ProvisionOutcome::currentEnvironments).orElse(List.of());
        return republish().stream().filter(current::contains).toList();
    }

    /** The environments that still hold old values of stored units. */
    public List<String> behind() {
        List<String> current = current();
        return republish().stream().filter(env -> !current.contains(env)).toList();
    }

    /** The environments of a stored unit that hold its new value. */
    public List<String> currentOf(UnitResult unit) {
        return unit.stored()
                ? unit.plan().republish().stream().filter(current()::contains).toList()
                : List.of();
    }

    /** The environments of a stored unit that still hold its old value. */
    public List<String> behindOf(UnitResult unit) {
        return unit.stored()
                ? unit.plan().republish().stream().filter(behind()::contains).toList()
                : List.of();
    }

    public List<UnitResult> notDone() {
        return units.stream().filter(UnitResult::notDone).toList();
    }

    public boolean complete() {
        return dryRun() || stored() && behind().isEmpty();
    }

    /**
     * The last line of a run that stored its keys.
     *
     * @param record where the incident record is, as shown to the user
     */
    public String doneLine(String record) {
        if (units.size() != 1) {
            return "Rotated " + units.size() + " keys; republished " + current()
                    + (current().size() > 1 ? " once each" : "") + ". Next: the follow-ups and audit surfaces in "
                    + record + ".";
        }
        RotationPlan plan = units.get(0).plan();
        return plan.publishesNextKeyOnly()
                ? "Published the next key of " + plan.key() + " (phase 1 of 2); republished " + current()
                        + ". Next: see the steps above."
                : "Rotated " + plan.key() + "; republished " + current() + ". Next: redeploy, and see the steps above.";
    }

    /** What finishes the rotation: provisioning what is behind, rotating what was not stored. Empty when complete. */
    public List<String> finishCommands() {
        if (dryRun()) {
            return List.of();
        }
        return FinishCommands.of(
                behind(), notDone().stream().map(UnitResult::plan).toList(), run);
    }

    /** Why the run did not finish, and how to finish it; empty when it did. */
    public Optional<RotationException> problem() {
        if (complete()) {
            return Optional.empty();
        }
        RotationException.Cause reason =
                stoppedBy.map(RotationException::reason).orElse(RotationException.Cause.TOOL);
        Throwable cause = stoppedBy.map(e -> (Throwable) e).orElse(null);
        if (units.size() == 1 && stored()) {
            return Optional.of(new RotationException(
                    reason,
                    "the new value of " + units.get(0).plan().key()
                            + " is safe in 1Password, but " + behind() + " still hold the old one (current: "
                            + current()
                            + "). Finish with: " + String.join(", then ", finishCommands()),
                    cause));
        }
        return Optional.of(new RotationException(reason, summary(), cause));
    }

    private String summary() {
        List<String> parts = new ArrayList<>();
        List<String> stored = labels(UnitResult.Status.STORED);
        parts.add(stored.isEmpty() ? "no new value is stored" : "stored in 1Password: " + String.join(", ", stored));
        units.stream()
                .filter(u -> u.status() == UnitResult.Status.UNCONFIRMED)
                .forEach(u -> parts.add(u.plan().label()
                        + " was written (" + u.plan().itemPath() + " version "
                        + u.versionAfter().orElseThrow()
                        + ") but not read back equal: check the item's history in 1Password"));
        units.stream()
                .filter(u -> u.status() == UnitResult.Status.FAILED)
                .forEach(u -> parts.add(
                        "not done: " + u.plan().label() + ": " + u.reason().orElse("")));
        List<String> notMinted = labels(UnitResult.Status.NOT_MINTED);
        if (!notMinted.isEmpty()) {
            parts.add("not minted: " + String.join(", ", notMinted));
        }
        if (!behind().isEmpty()) {
            parts.add(behind() + " still hold old values (current: " + current() + ")");
        }
        List<String> commands = finishCommands();
        return "rotation of " + units.size() + " keys is incomplete: " + String.join("; ", parts)
                + (commands.isEmpty() ? "" : ". Finish with: " + String.join(", then ", commands));
    }

    private List<String> labels(UnitResult.Status status) {
        return units.stream()
                .filter(u -> u.status() == status)
                .map(u -> u.plan().label())
                .toList();
    }
}

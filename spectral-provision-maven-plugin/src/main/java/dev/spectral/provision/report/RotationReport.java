package dev.spectral.provision.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.spectral.provision.rotate.RotationOutcome;
import dev.spectral.provision.rotate.RotationPlan;
import dev.spectral.provision.rotate.UnitResult;
import java.util.List;
import java.util.Locale;

/**
 * {@code target/spectral/rotate-report.json}: a rotate run: when, what was selected, each key's 1Password
 * item and field with its version before and after, the environments republished or behind, the
 * commands that finish an incomplete run, and follow-ups. Never a value, nor anything derived from one.
 */
public record RotationReport(String goal, String at, boolean dryRun, String selection, String since, boolean complete,
        boolean stored, List<String> republish, List<String> current, List<String> behind, List<Key> keys, List<String> notRotated,
        List<String> finishCommands, String publishError, long durationMs, ProvisionReport publish) {

    /**
     * One key of the run (a {@code per-env} key once per environment).
     *
     * @param status {@code planned} (dry run), {@code stored}, {@code unconfirmed} (written, not read back equal),
     *     {@code failed} or {@code not-minted}
     * @param versionBefore the item's version before; null when there was no item
     * @param versionAfter the item's version after this key's write; null when it did not write
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Key(String key, String environment, String generator, String scope, String item, String target,
            Long versionBefore, Long versionAfter, String status, List<String> republish, List<String> current,
            List<String> behind, String reason, List<String> followUps) {
    }

    public static RotationReport of(RotationOutcome outcome) {
        List<Key> keys = outcome.units().stream().map(u -> key(outcome, u)).toList();
        return new RotationReport("rotate", outcome.run().at().toString(), outcome.dryRun(), outcome.run().selection().text(),
                outcome.run().since().map(Object::toString).orElse(null), outcome.complete(), outcome.stored(), outcome.republish(),
                outcome.current(), outcome.behind(), keys, outcome.untouched().stream().map(u -> u.describe()).toList(),
                outcome.finishCommands(), outcome.publishError().orElse(null), outcome.duration().toMillis(),
                outcome.publish().map(ProvisionReport::of).orElse(null));
    }

    /** The step summary: each key, its target, versions and environments, and how to finish. */
    public String markdown() {
        StringBuilder out = new StringBuilder("### spectral:rotate ").append(selection).append(dryRun ? " (dry run)" : "").append("\n\n")
                .append("| Key | 1Password | Versions | Status | Current | Behind |\n|---|---|---|---|---|---|\n");
        for (Key key : keys) {
            out.append("| ").append(key.key()).append(key.environment() == null ? "" : " [" + key.environment() + "]").append(" | `")
                    .append(key.target()).append("` | ").append(key.versionBefore() == null ? "new" : key.versionBefore())
                    .append(key.versionAfter() == null ? "" : " -> " + key.versionAfter()).append(" | ").append(key.status())
                    .append(" | ").append(String.join(", ", key.current())).append(" | ").append(String.join(", ", key.behind())).append(" |\n");
        }
        finishCommands.forEach(command -> out.append("\nFinish with `").append(command).append("`\n"));
        return out.toString();
    }

    private static Key key(RotationOutcome outcome, UnitResult unit) {
        RotationPlan plan = unit.plan();
        boolean followed = unit.stored() || unit.status() == UnitResult.Status.PLANNED;
        return new Key(plan.key(), plan.environment().orElse(null), plan.spec().generator(), plan.spec().scope().text(),
                plan.itemPath(), plan.targetPath(), unit.versionBefore().orElse(null), unit.versionAfter().orElse(null),
                unit.status().name().toLowerCase(Locale.ROOT).replace('_', '-'), plan.republish(), outcome.currentOf(unit),
                outcome.behindOf(unit), unit.reason().orElse(null), followed ? plan.followUps() : List.of());
    }
}

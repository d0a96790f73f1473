package dev.spectral.provision.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.spectral.provision.rotate.RotationOutcome;
import dev.spectral.provision.rotate.RotationPlan;
import dev.spectral.provision.rotate.UnitResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code target/spectral/rotate-report.json}: the machine-readable incident record of a rotate run:
 * when, what was selected, each key's 1Password item and field with its version before and after,
 * the environments republished or behind, the commands that finish an incomplete run, follow-ups and
 * the audit surfaces to review. Never a value, nor anything derived from one.
 */
public record RotationReport(
        String goal,
        String at,
        boolean dryRun,
        String selection,
        String since,
        String window,
        String runUrl,
        boolean complete,
        boolean stored,
        List<String> republish,
        List<String> current,
        List<String> behind,
        List<Key> keys,
        List<String> notRotated,
        List<String> finishCommands,
        String publishError,
        List<String> auditSurfaces,
        long durationMs,
        ProvisionReport publish) {

    /**
     * One key of the run (a {@code per-env} key once per environment).
     *
     * @param status {@code planned} (dry run), {@code stored}, {@code unconfirmed} (written, not read back equal),
     *     {@code failed} or {@code not-minted}
     * @param versionBefore the item's version before; null when there was no item
     * @param versionAfter the item's version after this key's write; null when it did not write
     * @param keySet for a key with a public key set: the phase and the key ids before and after; null otherwise
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Key(
            String key,
            String environment,
            String generator,
            String scope,
            String item,
            String target,
            Long versionBefore,
            Long versionAfter,
            String status,
            List<String> republish,
            List<String> current,
            List<String> behind,
            String reason,
            List<String> followUps,
            UnitResult.KeySetChange keySet) {}

    /**
     * @param environment the process environment, for the GitHub Actions run URL
     */
    public static RotationReport of(RotationOutcome outcome, Map<String, String> environment) {
        List<Key> keys = outcome.units().stream().map(u -> key(outcome, u)).toList();
        return new RotationReport(
                "rotate",
                outcome.run().at().toString(),
                outcome.dryRun(),
                outcome.run().selection().text(),
                outcome.run().since().map(Object::toString).orElse(null),
                outcome.units().isEmpty() ? null : IncidentAudit.window(outcome.run()),
                ActionsRun.url(environment).orElse(null),
                outcome.complete(),
                outcome.stored(),
                outcome.republish(),
                outcome.current(),
                outcome.behind(),
                keys,
                outcome.untouched().stream().map(u -> u.describe()).toList(),
                outcome.finishCommands(),
                outcome.publishError().orElse(null),
                IncidentAudit.surfaces(outcome),
                outcome.duration().toMillis(),
                outcome.publish().map(ProvisionReport::of).orElse(null));
    }

    private static Key key(RotationOutcome outcome, UnitResult unit) {
        RotationPlan plan = unit.plan();
        boolean followed = unit.stored() || unit.status() == UnitResult.Status.PLANNED;
        return new Key(
                plan.key(),
                plan.environment().orElse(null),
                plan.spec().generator(),
                plan.spec().scope().text(),
                plan.itemPath(),
                plan.targetPath(),
                unit.versionBefore().orElse(null),
                unit.versionAfter().orElse(null),
                unit.status().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                plan.republish(),
                outcome.currentOf(unit),
                outcome.behindOf(unit),
                unit.reason().orElse(null),
                followed ? plan.followUps() : List.of(),
                unit.keySet().orElse(null));
    }
}

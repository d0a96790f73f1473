package dev.spectral.provision.report;

import dev.spectral.provision.rotate.RotationOutcome;
import dev.spectral.provision.rotate.RotationPlan;
import dev.spectral.provision.rotate.UnitResult;
import dev.spectral.provision.rotate.Untouched;
import java.util.List;
import java.util.Optional;

/**
 * {@code target/spectral/rotate-record.md}, also appended to the GitHub Actions step summary: the
 * incident record of a rotate run, to paste into the incident tracker. It states when, what was
 * selected, the run, each key's 1Password field with its version before and after and the
 * environments republished or behind, how to finish, the follow-ups per key, and the audit surfaces
 * to review for the suspected window. Never a value, nor a hash or fingerprint of one.
 */
public final class RotationRecord {

    private RotationRecord() {}

    public static String markdown(RotationOutcome outcome, Optional<String> runUrl) {
        if (outcome.units().isEmpty()) {
            // -Dkey=due on a schedule, most weeks: a line, not an incident.
            return "### spectral:rotate (" + outcome.run().selection().text() + ")\n\nNothing was due at "
                    + outcome.run().at() + ": no key was rotated and nothing was written ("
                    + runUrl.orElse("not on GitHub Actions") + ").\n";
        }
        StringBuilder out = new StringBuilder("### spectral:rotate: incident record")
                .append(outcome.dryRun() ? " (dry run: nothing was written)" : "")
                .append("\n\n")
                .append("| | |\n|---|---|\n")
                .append("| When | ")
                .append(outcome.run().at())
                .append(" |\n")
                .append("| Selection | `")
                .append(outcome.run().selection().text())
                .append("` |\n")
                .append("| Run | ")
                .append(runUrl.orElse("not on GitHub Actions"))
                .append(" |\n")
                .append("| Result | ")
                .append(escape(result(outcome)))
                .append(" |\n")
                .append("| Suspected window | ")
                .append(escape(IncidentAudit.window(outcome.run())))
                .append(" |\n\n")
                .append(
                        "| Key | Scope | 1Password (vault/item/field) | Version before -> after | Republished | Status |\n")
                .append("|---|---|---|---|---|---|\n");
        for (UnitResult unit : outcome.units()) {
            RotationPlan plan = unit.plan();
            out.append("| ")
                    .append(plan.key())
                    .append(" | ")
                    .append(plan.spec().scope())
                    .append(plan.environment().map(e -> " (" + e + ")").orElse(""))
                    .append(" | `")
                    .append(plan.targetPath())
                    .append("` | ")
                    .append(versions(unit))
                    .append(" | ")
                    .append(republished(outcome, unit))
                    .append(" | ")
                    .append(escape(status(outcome, unit)))
                    .append(" |\n");
        }
        List<String> finish = outcome.finishCommands();
        if (!finish.isEmpty()) {
            out.append("\n**Finish with**, in this order (nothing stored is rotated again):\n\n");
            finish.forEach(command -> out.append("1. `").append(command).append("`\n"));
        }
        if (!outcome.untouched().isEmpty()) {
            out.append(
                    "\n**Not rotated by this run**: update these in 1Password by hand, then provision their environments:\n\n");
            for (Untouched u : outcome.untouched()) {
                out.append("- [ ] ").append(escape(u.describe())).append('\n');
            }
        }
        out.append("\n#### Follow-ups\n\n");
        for (UnitResult unit : outcome.units()) {
            if (unit.notDone()) {
                continue;
            }
            out.append("- **").append(unit.plan().label()).append("**\n");
            unit.keySet()
                    .ifPresent(change -> out.append("  - Key set `")
                            .append(change.variable())
                            .append("` (")
                            .append(change.phase())
                            .append("): ")
                            .append(String.join(", ", change.kidsBefore()))
                            .append(" -> ")
                            .append(String.join(", ", change.kidsAfter()))
                            .append('\n'));
            unit.plan()
                    .followUps()
                    .forEach(step -> out.append("  - [ ] ").append(escape(step)).append('\n'));
        }
        out.append("\n#### Audit surfaces to review, from ")
                .append(outcome.run().since().map(Object::toString).orElse("the suspected start (unknown: see above)"))
                .append(" to ")
                .append(outcome.run().at())
                .append("\n\n");
        IncidentAudit.surfaces(outcome)
                .forEach(surface -> out.append("- [ ] ").append(surface).append('\n'));
        return out.toString();
    }

    private static String result(RotationOutcome outcome) {
        int units = outcome.units().size();
        if (outcome.dryRun()) {
            return "dry run: " + units + " key(s) planned; nothing was written";
        }
        long stored = outcome.units().stream().filter(UnitResult::stored).count();
        String republished = outcome.current().isEmpty() ? "" : "; republished " + String.join(", ", outcome.current());
        if (outcome.complete()) {
            return "complete: " + stored + " key(s) stored in 1Password" + republished;
        }
        return "incomplete: " + stored + " of " + units + " key(s) stored in 1Password" + republished
                + (outcome.behind().isEmpty()
                        ? ""
                        : "; still holding old values: " + String.join(", ", outcome.behind()))
                + outcome.publishError().map(e -> "; republishing failed: " + e).orElse("");
    }

    private static String versions(UnitResult unit) {
        String before = unit.versionBefore().map(String::valueOf).orElse("new item");
        if (unit.versionAfter().isPresent()) {
            return before + " -> " + unit.versionAfter().get();
        }
        return unit.status() == UnitResult.Status.PLANNED ? before + " (now)" : before + " (unchanged)";
    }

    private static String republished(RotationOutcome outcome, UnitResult unit) {
        if (unit.status() == UnitResult.Status.PLANNED) {
            return unit.plan().republish().isEmpty()
                    ? "(none)"
                    : "would republish " + String.join(", ", unit.plan().republish());
        }
        List<String> current = outcome.currentOf(unit);
        return current.isEmpty() ? "(none)" : String.join(", ", current);
    }

    private static String status(RotationOutcome outcome, UnitResult unit) {
        return switch (unit.status()) {
            case PLANNED -> "planned (dry run)";
            case STORED ->
                outcome.behindOf(unit).isEmpty()
                        ? "stored"
                        : "stored; behind: " + String.join(", ", outcome.behindOf(unit)) + " (still the old value)";
            case UNCONFIRMED ->
                "written, but not read back equal; nothing of it published: "
                        + unit.reason().orElse("");
            case FAILED -> "not done: " + unit.reason().orElse("");
            case NOT_MINTED -> "not done: not minted, an earlier key failed";
        };
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}

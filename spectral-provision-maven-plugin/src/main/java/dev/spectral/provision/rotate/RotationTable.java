package dev.spectral.provision.rotate;

import dev.spectral.provision.log.TextTable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The plan of a run that rotates several keys: one table (key, generator, scope, 1Password target
 * with its current version, environments to republish), the follow-ups, and what the selector
 * reaches that the run does not rotate. It never shows a value.
 */
final class RotationTable {

    private static final List<String> HEADER = List.of("KEY", "GENERATOR", "SCOPE", "1PASSWORD TARGET", "REPUBLISH");

    private RotationTable() {}

    static List<String> render(
            Selection selection,
            List<RotationPlan> units,
            Map<String, Optional<Long>> versions,
            List<Untouched> untouched,
            List<String> republish) {
        List<String> lines = new ArrayList<>();
        lines.add("Rotation plan (" + selection.text() + "): " + units.size()
                + " keys; each is minted and stored in 1Password, then "
                + (republish.isEmpty()
                        ? "nothing is republished"
                        : republish.size() == 1
                                ? republish.get(0) + " is republished once"
                                : String.join(", ", republish) + " are republished once each")
                + ":");
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (RotationPlan unit : units) {
            rows.add(List.of(
                    unit.key(),
                    unit.spec().generator(),
                    unit.spec().scope()
                            + unit.environment().map(e -> " (" + e + ")").orElse(""),
                    unit.targetPath() + " ("
                            + version(versions.get(unit.target().itemId())) + ")",
                    unit.republish().isEmpty() ? "(none)" : String.join(", ", unit.republish())));
        }
        lines.addAll(TextTable.render(rows, "  "));
        lines.add("then:");
        followUps(units, republish).forEach(step -> lines.add("  - " + step));
        lines.addAll(untouched(untouched));
        return lines;
    }

    /** Lines naming what a selector reaches but the run does not rotate; none when there is nothing. */
    static List<String> untouched(List<Untouched> untouched) {
        List<String> lines = new ArrayList<>();
        if (!untouched.isEmpty()) {
            lines.add("not rotated by this run (update them in 1Password by hand, then provision their environments):");
            untouched.forEach(u -> lines.add("  - " + u.describe()));
        }
        return lines;
    }

    static String version(Optional<Long> version) {
        return version == null || version.isEmpty() ? "new item" : "version " + version.get();
    }

    /** One redeploy of every republished environment, then each key's own steps. */
    private static List<String> followUps(List<RotationPlan> units, List<String> republish) {
        Set<String> steps = new LinkedHashSet<>();
        if (!republish.isEmpty()) {
            steps.add("Redeploy " + String.join(", ", republish) + " so the new values reach the running systems.");
        }
        for (RotationPlan unit : units) {
            unit.keySteps()
                    .forEach(step -> steps.add(
                            step.startsWith("Revoke") || step.startsWith("Verifiers")
                                    ? unit.label() + ": " + step
                                    : step));
        }
        return List.copyOf(steps);
    }
}

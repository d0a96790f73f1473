package dev.spectral.provision.report;

import dev.spectral.provision.rotate.RotationOutcome;
import dev.spectral.provision.rotate.RotationPlan;
import dev.spectral.provision.rotate.RotationRun;
import dev.spectral.provision.rotate.UnitResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The runbook's audit surfaces to review after an emergency rotation, for the window from the
 * suspected start of the incident ({@code -Dspectral.rotate.since}) to the run: the git history of the
 * environments file, the 1Password history of each item, the GitHub audit log of the environments,
 * and the vendors' audit logs of the prompted keys. Names and versions only, never a value.
 */
final class IncidentAudit {

    private IncidentAudit() {}

    static String window(RotationRun run) {
        return run.since()
                .map(since -> "from " + since + " (the suspected start) to " + run.at() + " (this run)")
                .orElse(
                        "unknown: the suspected start of the incident was not given; set it with -Dspectral.rotate.since="
                                + "<ISO-8601 instant or date> and review from then up to " + run.at() + " (this run)");
    }

    /** What to review; nothing when the run rotated nothing (a scheduled {@code -Dkey=due} with nothing due). */
    static List<String> surfaces(RotationOutcome outcome) {
        RotationRun run = outcome.run();
        List<String> surfaces = new ArrayList<>();
        if (outcome.units().isEmpty()) {
            return surfaces;
        }
        surfaces.add("Git history of " + run.file() + " (and of the plugin configuration and workflows): `git log"
                + run.since().map(s -> " --since=" + s).orElse("") + " -- " + run.file() + "`");
        surfaces.add("1Password item history (vault activity, and each item's history): "
                + String.join(", ", items(outcome)));
        Set<String> environments = new LinkedHashSet<>();
        outcome.units().forEach(u -> environments.addAll(u.plan().republish()));
        if (!environments.isEmpty()) {
            surfaces.add(
                    "GitHub audit log (organization settings, Audit log): secret and variable changes, access and deploy runs of "
                            + "the environments " + String.join(", ", environments));
        }
        List<String> prompted = outcome.units().stream()
                .map(UnitResult::plan)
                .filter(p -> p.spec().isPrompt())
                .map(RotationPlan::label)
                .toList();
        if (!prompted.isEmpty()) {
            surfaces.add("The vendor's audit log of each prompted key (uses of the old value): "
                    + String.join(", ", prompted));
        }
        return surfaces;
    }

    /** Each item once, with how the run changed it. */
    private static List<String> items(RotationOutcome outcome) {
        Map<String, List<UnitResult>> byItem = new LinkedHashMap<>();
        outcome.units()
                .forEach(u -> byItem.computeIfAbsent(u.plan().itemPath(), i -> new ArrayList<>())
                        .add(u));
        List<String> items = new ArrayList<>();
        byItem.forEach((item, units) -> {
            List<UnitResult> written =
                    units.stream().filter(u -> u.versionAfter().isPresent()).toList();
            items.add(item
                    + (written.isEmpty()
                            ? " (not written by this run)"
                            : " (written: version "
                                    + written.get(written.size() - 1)
                                            .versionAfter()
                                            .orElseThrow() + ")"));
        });
        return items;
    }
}

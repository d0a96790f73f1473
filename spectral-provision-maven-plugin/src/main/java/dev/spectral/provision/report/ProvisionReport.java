package dev.spectral.provision.report;

import dev.spectral.provision.publish.ChangeResult;
import dev.spectral.provision.publish.ProvisionOutcome;
import java.util.List;
import java.util.Map;

/**
 * {@code target/spectral/provision-report.json}: per environment and key, the kind, action, result,
 * source reference and timing. Never a value.
 */
public record ProvisionReport(String goal, String repository, boolean dryRun, long durationMs,
        Map<String, String> environments, List<String> current, List<String> incomplete, List<Row> changes) {

    /** One planned change and how it went. */
    public record Row(String environment, String key, String kind, String action, String source, String result,
            String error, long durationMs) {
    }

    public static ProvisionReport of(ProvisionOutcome outcome) {
        List<Row> rows = outcome.results().stream().map(ProvisionReport::row).toList();
        return new ProvisionReport("provision", outcome.repository().orElse(null), outcome.dryRun(),
                outcome.duration().toMillis(), outcome.environments(), outcome.currentEnvironments(),
                outcome.incompleteEnvironments(), rows);
    }

    private static Row row(ChangeResult r) {
        return new Row(r.change().environment(), r.change().key(), r.change().kind().toString(), r.change().action().toString(),
                r.change().source(), r.status().name().toLowerCase(java.util.Locale.ROOT), r.error().orElse(null),
                r.duration().toMillis());
    }

    /** The step summary: the plan and its result as a Markdown table. */
    public String markdown() {
        StringBuilder out = new StringBuilder("### spectral:provision").append(dryRun ? " (dry run)" : "")
                .append(repository == null ? "" : " to " + repository).append("\n\n")
                .append("| Environment | Key | Kind | Action | Source | Result |\n|---|---|---|---|---|---|\n");
        for (Row row : changes) {
            out.append("| ").append(row.environment()).append(" | ").append(row.key()).append(" | ").append(row.kind())
                    .append(" | ").append(row.action()).append(" | `").append(row.source()).append("` | ").append(row.result())
                    .append(" |\n");
        }
        if (!incomplete.isEmpty()) {
            out.append("\n**Incomplete:** ").append(String.join(", ", incomplete)).append('\n');
        }
        return out.toString();
    }
}

package dev.spectral.provision.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.spectral.provision.publish.ChangeResult;
import dev.spectral.provision.publish.ProvisionOutcome;
import java.util.List;
import java.util.Map;

/**
 * {@code target/spectral/provision-report.json}: per environment and key, the kind, action, result,
 * source reference and timing. Never a value.
 */
public record ProvisionReport(
        String goal,
        String repository,
        boolean dryRun,
        long durationMs,
        Map<String, String> environments,
        List<String> current,
        List<String> incomplete,
        List<String> reasons,
        List<Row> changes) {

    /**
     * One planned change and how it went: a failed one names its reason by number (from 1, in
     * {@code reasons}, as the log does), so that one reason of many keys is written once.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(
            String environment,
            String key,
            String kind,
            String action,
            String source,
            String result,
            Integer reason,
            String note,
            long durationMs) {}

    public static ProvisionReport of(ProvisionOutcome outcome) {
        List<Row> rows = outcome.results().stream().map(r -> row(outcome, r)).toList();
        return new ProvisionReport(
                "provision",
                outcome.repository().orElse(null),
                outcome.dryRun(),
                outcome.duration().toMillis(),
                outcome.environments(),
                outcome.currentEnvironments(),
                outcome.incompleteEnvironments(),
                outcome.failureReasons(),
                rows);
    }

    private static Row row(ProvisionOutcome outcome, ChangeResult r) {
        return new Row(
                r.change().environment(),
                r.change().key(),
                r.change().kind().toString(),
                r.change().action().toString(),
                r.change().source(),
                r.status().name().toLowerCase(java.util.Locale.ROOT),
                r.failed() ? outcome.reasonNumber(r) : null,
                r.failed() ? null : r.error().orElse(null),
                r.duration().toMillis());
    }

    /** The step summary: the plan and its result as a Markdown table. */
    public String markdown() {
        StringBuilder out = new StringBuilder("### spectral:provision")
                .append(dryRun ? " (dry run)" : "")
                .append(repository == null ? "" : " to " + repository)
                .append("\n\n")
                .append("| Environment | Key | Kind | Action | Source | Result |\n|---|---|---|---|---|---|\n");
        for (Row row : changes) {
            out.append("| ")
                    .append(row.environment())
                    .append(" | ")
                    .append(row.key())
                    .append(" | ")
                    .append(row.kind())
                    .append(" | ")
                    .append(row.action())
                    .append(" | `")
                    .append(row.source())
                    .append("` | ")
                    .append(row.result())
                    .append(row.reason() == null ? "" : " (reason " + row.reason() + ")")
                    .append(" |\n");
        }
        if (!incomplete.isEmpty()) {
            out.append("\n**Incomplete:** ")
                    .append(String.join(", ", incomplete))
                    .append('\n');
        }
        for (int i = 0; i < reasons.size(); i++) {
            out.append(i == 0 ? "\n" : "")
                    .append("- reason ")
                    .append(i + 1)
                    .append(": ")
                    .append(reasons.get(i))
                    .append('\n');
        }
        return out.toString();
    }
}

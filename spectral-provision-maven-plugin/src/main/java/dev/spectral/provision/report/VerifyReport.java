package dev.spectral.provision.report;

import dev.spectral.provision.config.Finding;
import java.util.List;
import java.util.Locale;

/**
 * {@code target/spectral/verify-report.json}: every finding with its place, rule and fix. Findings
 * never hold a value (the scanner shows at most a four-character preview).
 */
public record VerifyReport(
        String goal,
        String file,
        boolean remote,
        String failOn,
        long errors,
        long warnings,
        boolean failed,
        List<Row> findings) {

    /** One finding. */
    public record Row(
            String severity,
            String rule,
            String file,
            int line,
            int column,
            String environment,
            String key,
            String message,
            String fix) {}

    public static VerifyReport of(String file, boolean remote, String failOn, List<Finding> findings, boolean failed) {
        long errors = findings.stream().filter(Finding::isError).count();
        List<Row> rows = findings.stream()
                .map(f -> new Row(
                        f.severity().name().toLowerCase(Locale.ROOT),
                        f.rule(),
                        f.position().file(),
                        f.position().line(),
                        f.position().column(),
                        f.environment().orElse(null),
                        f.key().orElse(null),
                        f.message(),
                        f.fix()))
                .toList();
        return new VerifyReport("verify", file, remote, failOn, errors, findings.size() - errors, failed, rows);
    }

    public String markdown() {
        StringBuilder out = new StringBuilder("### spectral:verify ")
                .append(file)
                .append(remote ? " (remote)" : "")
                .append(": ")
                .append(errors)
                .append(" error(s), ")
                .append(warnings)
                .append(" warning(s)\n\n");
        if (!findings.isEmpty()) {
            out.append("| Severity | Where | Environment | Key | Finding | Fix |\n|---|---|---|---|---|---|\n");
            for (Row row : findings) {
                out.append("| ")
                        .append(row.severity())
                        .append(" | ")
                        .append(row.file())
                        .append(':')
                        .append(row.line())
                        .append(" | ")
                        .append(nullToEmpty(row.environment()))
                        .append(" | ")
                        .append(nullToEmpty(row.key()))
                        .append(" | ")
                        .append(escape(row.message()))
                        .append(" | ")
                        .append(escape(row.fix()))
                        .append(" |\n");
            }
        }
        return out.toString();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}

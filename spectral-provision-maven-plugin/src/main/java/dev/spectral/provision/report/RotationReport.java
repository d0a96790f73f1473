package dev.spectral.provision.report;

import dev.spectral.provision.rotate.RotationOutcome;
import java.util.List;

/**
 * {@code target/spectral/rotate-report.json}: the key, generator, scope, 1Password target,
 * environments, results and timings. Never a value.
 */
public record RotationReport(String goal, String key, String generator, String scope, String target, boolean dryRun,
        boolean stored, List<String> republish, List<String> current, List<String> behind, String finishCommand,
        String publishError, long durationMs, ProvisionReport publish) {

    public static RotationReport of(RotationOutcome outcome) {
        return new RotationReport("rotate", outcome.plan().key(), outcome.plan().spec().generator(),
                outcome.plan().spec().scope().text(), outcome.plan().targetPath(), outcome.dryRun(), outcome.stored(),
                outcome.plan().republish(), outcome.current(), outcome.behind(),
                outcome.complete() ? null : outcome.finishCommand(), outcome.publishError().orElse(null),
                outcome.duration().toMillis(), outcome.publish().map(ProvisionReport::of).orElse(null));
    }

    public String markdown() {
        StringBuilder out = new StringBuilder("### spectral:rotate ").append(key).append(dryRun ? " (dry run)" : "").append("\n\n")
                .append("| Generator | Scope | 1Password | Stored | Current | Behind |\n|---|---|---|---|---|---|\n")
                .append("| ").append(generator).append(" | ").append(scope).append(" | `").append(target).append("` | ")
                .append(stored ? "yes" : "no").append(" | ").append(String.join(", ", current)).append(" | ")
                .append(String.join(", ", behind)).append(" |\n");
        if (finishCommand != null && stored) {
            out.append("\nFinish with `").append(finishCommand).append("`\n");
        }
        return out.toString();
    }
}

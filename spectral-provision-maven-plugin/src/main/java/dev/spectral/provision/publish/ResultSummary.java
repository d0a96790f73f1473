package dev.spectral.provision.publish;

import dev.spectral.provision.github.Pace;
import dev.spectral.provision.log.TextTable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The end of a run that wrote: per environment, how many changes were done, failed and skipped. */
final class ResultSummary {

    private ResultSummary() {}

    static List<String> render(ProvisionOutcome outcome, Pace pace) {
        List<ChangeResult> results = outcome.results();
        Map<String, Map<ChangeResult.Status, Integer>> counts = new TreeMap<>();
        for (ChangeResult r : results) {
            counts.computeIfAbsent(r.change().environment(), env -> new EnumMap<>(ChangeResult.Status.class))
                    .merge(r.status(), 1, Integer::sum);
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("ENVIRONMENT", "DONE", "FAILED", "SKIPPED"));
        counts.forEach((env, row) -> rows.add(List.of(
                env,
                String.valueOf(row.getOrDefault(ChangeResult.Status.DONE, 0)),
                String.valueOf(row.getOrDefault(ChangeResult.Status.FAILED, 0)),
                String.valueOf(row.getOrDefault(ChangeResult.Status.SKIPPED, 0)))));
        List<String> lines = new ArrayList<>(TextTable.render(rows, ""));
        List<String> reasons = outcome.failureReasons();
        for (int i = 0; i < reasons.size(); i++) {
            int number = i + 1;
            long count = outcome.failures().stream()
                    .filter(f -> outcome.reasonNumber(f) == number)
                    .count();
            lines.add("reason " + number + " (" + count + " change(s)): " + reasons.get(i));
        }
        if (pace.throttled() > 0) {
            lines.add("GitHub throttled " + pace.throttled() + " request(s); the run waited "
                    + Pace.seconds(pace.waited()) + " s for it in all");
        }
        return lines;
    }
}

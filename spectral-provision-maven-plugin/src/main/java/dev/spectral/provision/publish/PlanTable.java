package dev.spectral.provision.publish;

import dev.spectral.provision.log.TextTable;
import java.util.ArrayList;
import java.util.List;

/** The plan as a table of environment, key, kind, action and source. It never shows a value. */
public final class PlanTable {

    private static final List<String> HEADER = List.of("ENVIRONMENT", "KEY", "KIND", "ACTION", "SOURCE");

    private PlanTable() {}

    public static List<String> render(List<Change> changes) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Change c : changes) {
            rows.add(List.of(
                    c.environment(),
                    c.key(),
                    c.kind().toString(),
                    c.action().toString(),
                    c.source() + c.note().map(n -> " (" + n + ")").orElse("")));
        }
        return TextTable.render(rows, "");
    }
}

package dev.spectral.provision.publish;

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
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : pad(row.get(i), widths[i] + 2));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}

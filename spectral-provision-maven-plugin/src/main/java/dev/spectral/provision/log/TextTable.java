package dev.spectral.provision.log;

import java.util.ArrayList;
import java.util.List;

/** Rows as aligned columns for the log: each column as wide as its widest cell, two spaces apart. */
public final class TextTable {

    private TextTable() {}

    /** The rows (the first usually a header), each line starting with {@code indent}. */
    public static List<String> render(List<List<String>> rows, String indent) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                line.append(cell).append(i == row.size() - 1 ? "" : " ".repeat(widths[i] + 2 - cell.length()));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}

package dev.spectral.provision.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanTableTest {

    private static final List<Change> PLAN = List.of(
            new Change(
                    "production",
                    "ANTHROPIC_API_KEY",
                    Kind.SECRET,
                    Action.SET,
                    "op://Spectral/anthropic/credential",
                    Optional.empty(),
                    Optional.empty()),
            new Change(
                    "production",
                    "LOG_LEVEL",
                    Kind.VARIABLE,
                    Action.UPDATE,
                    Change.LITERAL,
                    Optional.of("literal-value-not-shown"),
                    Optional.empty()),
            new Change(
                    "staging",
                    "OLD",
                    Kind.VARIABLE,
                    Action.DELETE,
                    Change.NOT_IN_FILE,
                    Optional.empty(),
                    Optional.of("pruned")));

    @Test
    void hasAHeaderAndOneRowPerChange() {
        List<String> lines = PlanTable.render(PLAN);

        assertEquals(1 + PLAN.size(), lines.size());
        assertEquals(
                List.of("ENVIRONMENT", "KEY", "KIND", "ACTION", "SOURCE"),
                List.of(lines.get(0).split(" +")));
        assertEquals(
                List.of("production", "ANTHROPIC_API_KEY", "secret", "set", "op://Spectral/anthropic/credential"),
                List.of(lines.get(1).split(" +")));
        assertTrue(lines.get(3).endsWith("(not in file) (pruned)"), lines.get(3));
    }

    @Test
    void alignsEveryColumn() {
        List<String> lines = PlanTable.render(PLAN);
        String header = lines.get(0);
        int[] starts = {
            0, header.indexOf("KEY"), header.indexOf("KIND"), header.indexOf("ACTION"), header.indexOf("SOURCE")
        };

        for (int row = 1; row < lines.size(); row++) {
            Change change = PLAN.get(row - 1);
            String line = lines.get(row);
            List<String> cells = List.of(
                    change.environment(),
                    change.key(),
                    change.kind().toString(),
                    change.action().toString());
            for (int col = 0; col < cells.size(); col++) {
                assertTrue(line.startsWith(cells.get(col), starts[col]), "column " + col + " of: " + line);
                assertEquals(
                        ' ', line.charAt(starts[col + 1] - 1), "a space before column " + (col + 1) + " of: " + line);
            }
            assertTrue(line.startsWith(change.source(), starts[4]), line);
        }
        assertEquals(' ', header.charAt(starts[1] - 2), "columns are at least two spaces apart");
    }

    @Test
    void noLineEndsWithSpaces() {
        for (String line : PlanTable.render(PLAN)) {
            assertEquals(line.stripTrailing(), line);
        }
    }

    @Test
    void neverShowsAValue() {
        String table = String.join("\n", PlanTable.render(PLAN));

        assertFalse(table.contains("literal-value-not-shown"), table);
        assertTrue(table.contains(Change.LITERAL), table);
    }

    @Test
    void anEmptyPlanIsTheHeaderAlone() {
        assertEquals(List.of("ENVIRONMENT  KEY  KIND  ACTION  SOURCE"), PlanTable.render(List.of()));
    }
}

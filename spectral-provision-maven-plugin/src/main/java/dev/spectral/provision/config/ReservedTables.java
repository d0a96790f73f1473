package dev.spectral.provision.config;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Tells reserved tables from environments.
 *
 * <p>Every top-level table is an environment except the reserved ones ({@value #ROTATION}). So that
 * a typo such as {@code [rotaton]} cannot silently become an environment, a table is refused when
 * its name is within two edits of a reserved name (ignoring case), or when every one of its values
 * has the shape of a rotation spec.
 */
public final class ReservedTables {

    public static final String ROTATION = "rotation";
    public static final Set<String> NAMES = Set.of(ROTATION);

    private static final int MAX_TYPO_DISTANCE = 2;

    private ReservedTables() {}

    public static boolean isReserved(String table) {
        return NAMES.contains(table);
    }

    /** The reserved name this table was probably meant to be, if it looks like a misspelling of one. */
    public static Optional<String> misspelt(String table, boolean allValuesLookLikeRotationSpecs) {
        if (isReserved(table)) {
            return Optional.empty();
        }
        String lower = table.toLowerCase(Locale.ROOT);
        for (String reserved : NAMES) {
            if (editDistance(lower, reserved) <= MAX_TYPO_DISTANCE) {
                return Optional.of(reserved);
            }
        }
        return allValuesLookLikeRotationSpecs ? Optional.of(ROTATION) : Optional.empty();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

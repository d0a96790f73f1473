package dev.spectral.provision.log;

import java.util.regex.Pattern;

/** Keeps what a run prints bounded: text from a tool on one line, cut to a length. */
public final class Brief {

    /** A failure's reason in a per-key line, the report and the step summary. */
    public static final int REASON = 200;
    /** A tool's whole error output, printed once per call. */
    public static final int TOOL_OUTPUT = 1_000;

    private static final Pattern LINK = Pattern.compile("\\s*\\(https?://[^)\\s]*\\)");

    private Brief() {}

    /**
     * A failure's reason: one line, without the links GitHub's errors end with (they name the key,
     * so the same failure of many keys reads the same), at most {@value #REASON} characters.
     */
    public static String reason(String text) {
        return of(LINK.matcher(text).replaceAll(""), REASON);
    }

    /** The text on one line (blank lines dropped, lines joined with a space), at most {@code max} characters. */
    public static String of(String text, int max) {
        String line = String.join(
                " ", text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        if (line.length() <= max) {
            return line;
        }
        String more = " … (" + (line.length() - max) + " more characters)";
        return line.substring(0, Math.max(0, max - more.length())) + more;
    }
}

package dev.spectral.provision.verify.scan;

/** Matching quotes around a value, as connection strings and JAAS lines write them. */
final class Quotes {

    private Quotes() {}

    /** The text without one pair of matching surrounding quotes, and without a trailing comma or semicolon. */
    static String strip(String text) {
        String t = text.strip();
        while (t.endsWith(",") || t.endsWith(";")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.length() >= 2 && (t.charAt(0) == '"' || t.charAt(0) == '\'') && t.charAt(t.length() - 1) == t.charAt(0)) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }
}

package dev.spectral.provision.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes values so that dotenv for Node, Node's own {@code --env-file} and python-dotenv read every
 * one of them back byte-exact, and refuses only the values that no line can carry for all three.
 *
 * <p>The rules follow what those loaders were seen to do (dotenv 18.0.10 and 16.6.1, Node 20.20.2,
 * python-dotenv 0.21.0 and 1.2.2; {@code DotEnvLoadersTest} reads a written file back with each of
 * them). Each value takes the first form that fits:
 * <ol>
 * <li>single quotes, unless it holds {@code '}, two backslashes in a row, or ends with a backslash
 *     (python-dotenv reads {@code \\} and {@code \'} as escapes even in single quotes);</li>
 * <li>double quotes, unless it holds {@code "}, a backslash before one of {@code \ ' " a b f n r t v}
 *     (python-dotenv decodes those, dotenv for Node {@code \n} and {@code \r}), or ends with a
 *     backslash;</li>
 * <li>unquoted, when it is one line without {@code #}, without whitespace at either end, and does not
 *     start with a quote or a backtick.</li>
 * </ol>
 * Refused whatever the form: a carriage return (read as a line break, or dropped), a NUL character
 * (no process environment can hold one), and {@code ${...}}, which python-dotenv replaces with a
 * variable's value in every kind of quotes. A refusal names the key and the reason, never the value.
 */
public final class DotEnvFormat {

    /** The loaders the rules are kept for, as messages name them. */
    static final String LOADERS = "dotenv (Node), Node's --env-file and python-dotenv";

    /** What python-dotenv's default interpolation replaces (its {@code _posix_variable}, 0.21 to 1.2). */
    private static final Pattern PYTHON_DOTENV_VARIABLE = Pattern.compile("\\$\\{[^}:]*(?::-[^}]*)?}");

    /** The characters after a backslash that python-dotenv decodes in double quotes. */
    private static final String PYTHON_DOUBLE_QUOTE_ESCAPES = "\\'\"abfnrtv";

    private DotEnvFormat() {}

    /** How one value is written. */
    enum Form {
        SINGLE_QUOTED("'", "'"),
        DOUBLE_QUOTED("\"", "\""),
        UNQUOTED("", "");

        private final String open;
        private final String close;

        Form(String open, String close) {
            this.open = open;
            this.close = close;
        }

        /** The line, without its newline, whatever the value holds: check with {@link #form} first. */
        String line(String key, String value) {
            return key + "=" + open + value + close;
        }
    }

    /** Values the loaders would not all read back as written. The message names keys, never values. */
    public static final class UnwritableValueException extends Exception {
        private static final long serialVersionUID = 1L;

        UnwritableValueException(String message) {
            super(message);
        }
    }

    /**
     * The whole file: the header as comment lines, then one line per value in the map's order. Refuses
     * the whole file when any value cannot be written, naming every such key and why.
     */
    public static String render(String environment, String header, Map<String, String> values)
            throws UnwritableValueException {
        StringBuilder out = new StringBuilder();
        header.lines().forEach(line -> out.append("# ").append(line).append('\n'));
        List<String> refusals = new ArrayList<>();
        for (Map.Entry<String, String> entry : new LinkedHashMap<>(values).entrySet()) {
            Optional<Form> form = form(entry.getValue());
            if (form.isPresent()) {
                out.append(form.get().line(entry.getKey(), entry.getValue())).append('\n');
            } else {
                refusals.add(entry.getKey() + ": " + refusal(entry.getValue()));
            }
        }
        if (!refusals.isEmpty()) {
            throw new UnwritableValueException(refusals.size() + " value(s) of environment '" + environment
                    + "' cannot be written to the .env so that " + LOADERS + " all read them back unchanged; "
                    + "nothing was written. " + String.join(" ", refusals) + " Keep such keys out of environment '"
                    + environment + "' (or store such values without these characters, for example base64-encoded "
                    + "and decoded where it is used), or publish '" + environment + "' to GitHub instead of a .env.");
        }
        return out.toString();
    }

    /** The first form that all the loaders read back unchanged; empty when there is none. */
    static Optional<Form> form(String value) {
        if (refusedInEveryForm(value).isPresent()) {
            return Optional.empty();
        }
        if (singleQuoteProblem(value).isEmpty()) {
            return Optional.of(Form.SINGLE_QUOTED);
        }
        if (doubleQuoteProblem(value).isEmpty()) {
            return Optional.of(Form.DOUBLE_QUOTED);
        }
        if (unquotedProblem(value).isEmpty()) {
            return Optional.of(Form.UNQUOTED);
        }
        return Optional.empty();
    }

    /** Why a value that has no {@link #form} cannot be written; one sentence, describing characters only. */
    static String refusal(String value) {
        Optional<String> everyForm = refusedInEveryForm(value);
        if (everyForm.isPresent()) {
            return everyForm.get() + ".";
        }
        return "in single quotes, " + singleQuoteProblem(value).orElse("?")
                + "; in double quotes, " + doubleQuoteProblem(value).orElse("?")
                + "; unquoted, " + unquotedProblem(value).orElse("?") + ".";
    }

    private static Optional<String> refusedInEveryForm(String value) {
        if (value.indexOf('\r') >= 0) {
            return Optional.of("it holds a carriage return (\\r), which every loader reads as a line break or drops "
                    + "(written as \\r in double quotes, Node's --env-file keeps the backslash)");
        }
        if (value.indexOf('\0') >= 0) {
            return Optional.of("it holds a NUL character, where Node's --env-file ends the value; no process "
                    + "environment can hold one");
        }
        if (PYTHON_DOTENV_VARIABLE.matcher(value).find()) {
            return Optional.of("it holds ${...}, which python-dotenv replaces with a variable's value in every kind "
                    + "of quotes (it interpolates by default)");
        }
        return Optional.empty();
    }

    private static Optional<String> singleQuoteProblem(String value) {
        if (value.indexOf('\'') >= 0) {
            return Optional.of("its ' ends the value for Node's --env-file and python-dotenv");
        }
        if (value.contains("\\\\")) {
            return Optional.of("python-dotenv reads its \\\\ as one backslash");
        }
        if (value.endsWith("\\")) {
            return Optional.of("python-dotenv reads its final \\ as escaping the closing quote and runs on into "
                    + "the next lines");
        }
        return Optional.empty();
    }

    private static Optional<String> doubleQuoteProblem(String value) {
        if (value.indexOf('"') >= 0) {
            return Optional.of("its \" ends the value for Node's --env-file and python-dotenv");
        }
        for (int i = value.indexOf('\\'); i >= 0 && i + 1 < value.length(); i = value.indexOf('\\', i + 1)) {
            if (PYTHON_DOUBLE_QUOTE_ESCAPES.indexOf(value.charAt(i + 1)) >= 0) {
                return Optional.of(
                        "python-dotenv decodes its backslash escape (\\ before one of \\ ' \" a b f n r t v; "
                                + "dotenv (Node) decodes \\n and \\r too)");
            }
        }
        if (value.endsWith("\\")) {
            return Optional.of("python-dotenv reads its final \\ as escaping the closing quote and runs on into "
                    + "the next lines");
        }
        return Optional.empty();
    }

    private static Optional<String> unquotedProblem(String value) {
        if (value.isEmpty()) {
            return Optional.of("an empty value is written in quotes");
        }
        if (value.indexOf('\n') >= 0) {
            return Optional.of("a line break ends it in every loader");
        }
        if (value.indexOf('#') >= 0) {
            return Optional.of("dotenv (Node) and Node's --env-file end it at #");
        }
        if (trimmed(value.charAt(0)) || trimmed(value.charAt(value.length() - 1))) {
            return Optional.of("dotenv (Node) or python-dotenv trim the whitespace at its start or end");
        }
        char first = value.charAt(0);
        if (first == '\'') {
            return Optional.of("a leading ' makes every loader read a quoted value");
        }
        if (first == '"') {
            return Optional.of("a leading \" makes python-dotenv read a quoted value");
        }
        if (first == '`') {
            return Optional.of("a leading ` makes Node's --env-file read a quoted value that runs on to the next ` "
                    + "(and dotenv (Node) strips backticks around it)");
        }
        return Optional.empty();
    }

    /**
     * Whitespace that JavaScript's {@code trim()} or Python's {@code str.strip()} removes: Java's
     * whitespace and space characters, plus NEL and the byte order mark.
     */
    private static boolean trimmed(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085' || c == '\uFEFF';
    }
}

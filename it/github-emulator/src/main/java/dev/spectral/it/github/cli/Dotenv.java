package dev.spectral.it.github.cli;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dotenv text of {@code gh secret set -f -}, which gh parses with joho/godotenv. Only the lines
 * the plugin writes are read: {@code NAME='value'}, one a line, where godotenv (1.4 and 1.5 alike)
 * takes the value between the single quotes literally ({@code $} included), and blank lines. Anything
 * else (comments, {@code export}, unquoted or double-quoted values, a value with a quote, a backslash,
 * a {@code #} or a line break, on which godotenv's versions differ) is refused, so a plugin that
 * starts writing something else is caught here rather than guessed at.
 */
final class Dotenv {
    private static final Pattern LINE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)='([^'\"\\\\#\r]*)'");

    private Dotenv() {}

    /** Name to value, in file order; a name given twice keeps its last value, as godotenv's map does. */
    static Map<String, byte[]> parse(byte[] input) throws GhFailure {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(input))
                    .toString();
        } catch (CharacterCodingException e) {
            throw GhFailure.line("error parsing env file: gh-lite reads UTF-8 only");
        }
        Map<String, byte[]> pairs = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            Matcher m = LINE.matcher(lines[i]);
            if (!m.matches()) {
                throw GhFailure.line("error parsing env file: gh-lite reads only NAME='value' lines (no ', \", \\, # or"
                        + " line break in the value), as Spectral Provision writes them; line " + (i + 1)
                        + " is not one");
            }
            pairs.remove(m.group(1));
            pairs.put(m.group(1), m.group(2).getBytes(StandardCharsets.UTF_8));
        }
        if (pairs.isEmpty()) {
            throw GhFailure.line("no secrets found in file");
        }
        return pairs;
    }
}

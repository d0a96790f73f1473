package dev.spectral.provision.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Reads {@code environments.toml} into a {@link Config}, collecting every problem instead of stopping
 * at the first. An entry with a problem is left out of the model and reported.
 */
public final class ConfigParser {

    private final String displayName;
    private final List<Finding> problems = new ArrayList<>();

    private ConfigParser(String displayName) {
        this.displayName = displayName;
    }

    /**
     * @param file the file to read
     * @param displayName how to name the file in messages (usually relative to the project)
     */
    public static ParsedConfig parse(Path file, String displayName) {
        ConfigParser parser = new ConfigParser(displayName);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return parser.fileProblem("file not found", "create it, or point <file> (-Dspectral.file) at it");
        } catch (IOException e) {
            return parser.fileProblem("cannot read the file: " + e.getMessage(), "check its permissions");
        }
        return parser.parseBytes(bytes);
    }

    /** Parses content already in memory (tests, and callers that read the file themselves). */
    public static ParsedConfig parse(byte[] bytes, String displayName) {
        return new ConfigParser(displayName).parseBytes(bytes);
    }

    private ParsedConfig fileProblem(String message, String fix) {
        problems.add(Finding.error("file", Position.ofFile(displayName), null, null, message, fix));
        return result(List.of(), List.of());
    }

    private ParsedConfig parseBytes(byte[] bytes) {
        Optional<String> decoded = decodeUtf8(bytes);
        if (decoded.isEmpty()) {
            return result(List.of(), List.of());
        }
        String text = decoded.get();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        TomlParseResult toml = Toml.parse(text);
        for (TomlParseError error : toml.errors()) {
            problems.add(Finding.error(
                    "toml-syntax",
                    position(error.position()),
                    null,
                    null,
                    error.getMessage(),
                    "correct the TOML syntax at that place"));
        }
        List<Environment> environments = new ArrayList<>();
        List<RotationSpec> rotations = new ArrayList<>();
        for (String name : inFileOrder(toml, List.of())) {
            List<String> path = List.of(name);
            Position at = position(toml.inputPositionOf(path));
            Object value = toml.get(path);
            if (!(value instanceof TomlTable table)) {
                problems.add(Finding.error(
                        "toml-structure",
                        at,
                        null,
                        name,
                        "a key outside any table: every key belongs to an environment table or to [rotation]",
                        "move it under an environment table such as [production]"));
            } else if (ReservedTables.isReserved(name)) {
                rotations.addAll(rotationSpecs(toml, table));
            } else if (ReservedTables.misspelt(name, allValuesLookLikeRotationSpecs(table))
                    .isPresent()) {
                String reserved = ReservedTables.misspelt(name, true).orElseThrow();
                problems.add(Finding.error(
                        "reserved-table",
                        at,
                        name,
                        null,
                        "looks like a misspelling of the reserved table [" + reserved
                                + "] and is not treated as an environment",
                        "rename it to [" + reserved
                                + "]; an environment must not be named within two letters of a reserved table"));
            } else {
                environments.add(new Environment(name, at, entries(toml, name, table)));
            }
        }
        return result(environments, rotations);
    }

    private ParsedConfig result(List<Environment> environments, List<RotationSpec> rotations) {
        problems.sort(Comparator.comparingInt((Finding f) -> f.position().line())
                .thenComparingInt(f -> f.position().column()));
        return new ParsedConfig(new Config(displayName, environments, rotations), problems);
    }

    private List<Entry> entries(TomlTable root, String environment, TomlTable table) {
        List<Entry> entries = new ArrayList<>();
        for (String key : inFileOrder(root, List.of(environment))) {
            Position at = position(root.inputPositionOf(List.of(environment, key)));
            stringValue(environment, key, table.get(List.of(key)), at).ifPresent(text -> {
                if (OpReferenceParser.looksLikeReference(text)) {
                    try {
                        entries.add(new Entry(key, new Value.Secret(OpReferenceParser.parse(text)), at));
                    } catch (InvalidValueException e) {
                        problems.add(Finding.error("reference", at, environment, key, e.getMessage(), e.fix()));
                    }
                } else {
                    entries.add(new Entry(key, new Value.Literal(text), at));
                }
            });
        }
        return entries;
    }

    private List<RotationSpec> rotationSpecs(TomlTable root, TomlTable table) {
        List<RotationSpec> specs = new ArrayList<>();
        for (String key : inFileOrder(root, List.of(ReservedTables.ROTATION))) {
            Position at = position(root.inputPositionOf(List.of(ReservedTables.ROTATION, key)));
            stringValue(ReservedTables.ROTATION, key, table.get(List.of(key)), at)
                    .ifPresent(text -> {
                        try {
                            specs.add(RotationSpecParser.parse(key, text, at));
                        } catch (InvalidValueException e) {
                            problems.add(Finding.error("rotation-syntax", at, null, key, e.getMessage(), e.fix()));
                        }
                    });
        }
        return specs;
    }

    /** The value as a non-empty string, or a problem saying what it is instead. */
    private Optional<String> stringValue(String table, String key, Object value, Position at) {
        String environment = ReservedTables.isReserved(table) ? null : table;
        if (value instanceof String text) {
            if (text.isEmpty()) {
                problems.add(Finding.error(
                        "empty-value",
                        at,
                        environment,
                        key,
                        "the value is empty",
                        "give it a value, or delete the line"));
                return Optional.empty();
            }
            return Optional.of(text);
        }
        String found = value instanceof TomlTable
                ? "a table (a [" + table + "." + key + "] header, an inline table or a dotted key)"
                : value instanceof TomlArray ? "an array" : "a " + describe(value);
        problems.add(Finding.error(
                "value-type",
                at,
                environment,
                key,
                "the value is " + found + ", but only strings are allowed",
                "quote it: " + key + " = \"...\""));
        return Optional.empty();
    }

    private static String describe(Object value) {
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof Long || value instanceof Double) {
            return "number";
        }
        return "date or time";
    }

    private static boolean allValuesLookLikeRotationSpecs(TomlTable table) {
        return !table.isEmpty()
                && table.entrySet().stream()
                        .map(Map.Entry::getValue)
                        .allMatch(v -> v instanceof String s && RotationSpecParser.looksLikeSpec(s));
    }

    /** tomlj does not keep key order; the file's order makes reports and plans read like the file. */
    private static List<String> inFileOrder(TomlTable root, List<String> parent) {
        TomlTable table = parent.isEmpty() ? root : root.getTable(parent);
        List<String> keys = new ArrayList<>(table.keySet());
        keys.sort(Comparator.comparing((String key) -> {
            List<String> path = new ArrayList<>(parent);
            path.add(key);
            TomlPosition at = root.inputPositionOf(path);
            return at == null ? Long.MAX_VALUE : ((long) at.line() << 20) + at.column();
        }));
        return keys;
    }

    private Position position(TomlPosition at) {
        return at == null ? Position.ofFile(displayName) : new Position(displayName, at.line(), at.column());
    }

    /** Decodes strict UTF-8; on a bad byte, records where it is and returns empty. */
    private Optional<String> decodeUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            problems.add(Finding.error(
                    "encoding",
                    positionOfByte(bytes, in.position()),
                    null,
                    null,
                    "the file is not valid UTF-8",
                    "save it as UTF-8 (for example: iconv -f LATIN1 -t UTF-8)"));
            return Optional.empty();
        }
        decoder.flush(out);
        return Optional.of(out.flip().toString());
    }

    private Position positionOfByte(byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String prefix = new String(bytes, lineStart, Math.max(0, offset - lineStart), StandardCharsets.UTF_8);
        return new Position(displayName, line, prefix.codePointCount(0, prefix.length()) + 1);
    }
}

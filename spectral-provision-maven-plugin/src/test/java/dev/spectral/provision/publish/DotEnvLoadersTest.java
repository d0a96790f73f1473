package dev.spectral.provision.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spectral.provision.publish.DotEnvFormat.Form;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes a {@code .env} with {@link DotEnvFormat} and reads it back with the loaders themselves: the
 * npm package dotenv (the versions of {@code src/test/dotenv-loaders/package-lock.json}, its default
 * parser and its {@code fast} one), Node's own {@code node --env-file}, and python-dotenv's
 * {@code dotenv_values()} under every {@code python3} that has it. Every value the format accepts must
 * come back byte-exact from all of them; every value it refuses must be misread by at least one of
 * them in every form it could have been written in.
 *
 * <p>Needs node (20.6 or later, for {@code --env-file}), {@code npm ci} run in
 * {@code src/test/dotenv-loaders}, and python-dotenv (Debian: {@code python3-dotenv}). Nothing is
 * downloaded here. Where one is missing the test is skipped with a message, except on CI
 * ({@code CI=true}), where it fails.
 */
class DotEnvLoadersTest {

    private static final String INSTALL = "apt-get install -y python3-dotenv (Node.js 20.6 or later must be on the "
            + "PATH), and npm ci in spectral-provision-maven-plugin/src/test/dotenv-loaders";
    private static final String PYTHON_VARIABLE = "SPECTRAL_TEST_VARIABLE";
    private static final long TIMEOUT_SECONDS = 120;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private static Path tools;
    private static Path node;
    private static String nodeVersion;
    private static final List<Path> PYTHONS = new ArrayList<>();
    private static Optional<String> missing = Optional.empty();

    @TempDir
    Path dir;

    /** Values that are hard to carry: each is written, or refused, and checked against every loader. */
    static Map<String, String> corpus() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("PLAIN", "plain-value_123");
        c.put("SPACES_INSIDE", "two words");
        c.put("EMPTY", "");
        c.put("ONLY_A_SPACE", " ");
        c.put("LEADING_SPACES", "  lead");
        c.put("TRAILING_SPACES", "trail  ");
        c.put("TABS", "\ta\tb\t");
        c.put("WINDOWS_PATH", "C:\\Users\\x");
        c.put("WINDOWS_PATH_WITH_SPACE", "C:\\Program Files\\App\\bin");
        c.put("LITERAL_BACKSLASH_N", "a\\nb");
        c.put("LITERAL_BACKSLASH_R_T", "a\\rb\\tc\\vd\\fe\\af\\bg");
        c.put("REGEX", "^\\d+\\.\\w*$");
        c.put("REGEX_QUOTED", "^'\\d+'$");
        c.put("REGEX_ESCAPED_BACKSLASH", "^[a-z]+\\\\[a-z]+$");
        c.put("TRAILING_BACKSLASH", "abc\\");
        c.put("ONLY_A_BACKSLASH", "\\");
        c.put("TWO_BACKSLASHES", "a\\\\b");
        c.put("UNC_PATH", "\\\\server\\share");
        c.put("BACKSLASH_SINGLE_QUOTE", "a\\'b");
        c.put("BACKSLASH_DOUBLE_QUOTE", "a\\\"b");
        c.put("BACKSLASH_DOLLAR", "a\\$b");
        c.put("BACKSLASH_BEFORE_OTHERS", "it's \\x41 \\0 \\u0041 \\N{DASH} \\e \\d \\ z");
        c.put("BACKSLASH_NEWLINE", "it's \\\nnext");
        c.put("APOSTROPHE", "it's");
        c.put("ONLY_AN_APOSTROPHE", "'");
        c.put("WRAPPED_IN_APOSTROPHES", "'quoted'");
        c.put("LEADING_APOSTROPHE", "'starts");
        c.put("APOSTROPHE_MULTILINE", "l'été\n# not a comment\nX='1'\n");
        c.put("APOSTROPHE_AND_WINDOWS_PATH", "it's C:\\Users\\x");
        c.put("APOSTROPHE_AND_UNC", "it's \\\\server");
        c.put("APOSTROPHE_AND_ESCAPE_LOOKALIKE", "it's\\n");
        c.put("APOSTROPHE_AND_TRAILING_BACKSLASH", "it's\\");
        c.put("DOUBLE_QUOTES", "say \"hi\"");
        c.put("ONLY_A_DOUBLE_QUOTE", "\"");
        c.put("LEADING_DOUBLE_QUOTE", "\"starts");
        c.put("TRAILING_DOUBLE_QUOTE", "ends\"");
        c.put("BOTH_QUOTES", "a'b\"c");
        c.put("BOTH_QUOTES_SPACED", "it's \"quoted\"");
        c.put("BOTH_QUOTES_BACKSLASHES", "a\\\\b'c\"d\\");
        c.put("BACKTICKS", "a`b`c");
        c.put("WRAPPED_IN_BACKTICKS", "`wrapped`");
        c.put("LEADING_BACKTICK_AND_QUOTES", "`it's \"x\"");
        c.put("HASH", "abc # not a comment");
        c.put("HASH_NO_SPACE", "abc#def");
        c.put("HASH_FIRST", "#start");
        c.put("DOLLAR_NAMES", "$HOME and $" + PYTHON_VARIABLE);
        c.put("DOLLAR_COMMANDS", "$(id) `id`");
        c.put("DOLLAR_NEAR_MISSES", "$ {x} ${x ${a:b} a$ $");
        c.put("APOSTROPHE_DOLLAR", "it's $HOME");
        c.put("JSON_ONE_LINE", "{\"kty\":\"EC\",\"crv\":\"P-256\"}");
        c.put("JSON_MULTILINE", "{\n  \"a\": \"b\",\n  \"c\": 1\n}");
        c.put(
                "PEM",
                "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n+/=abc\n-----END PRIVATE KEY-----\n");
        c.put("TRAILING_NEWLINE", "x\n");
        c.put("TRAILING_NEWLINES", "x\n\n");
        c.put("LEADING_NEWLINE", "\nx");
        c.put("NEWLINE_THEN_COMMENT", "a\n# b");
        c.put("NEWLINE_THEN_ASSIGNMENT", "a\nOTHER=b\nK_PLAIN=overwritten?");
        c.put("UNICODE", "naïve ☃ 🔑 日本語 עברית");
        c.put("NBSP_AT_BOTH_ENDS", "\u00a0x\u00a0");
        c.put("LINE_AND_PARAGRAPH_SEPARATORS", "a\u2028b\u2029c");
        c.put("BYTE_ORDER_MARK_FIRST", "\ufeffx");
        c.put("OTHER_LINE_BREAKS", "it's \"x\" \u000b \u000c \u0085 \u001c y");
        c.put("CONTROL_CHARACTERS", "a\u0001\u001b[0mb\u007f");
        c.put("CONTROL_CHARACTER_LAST", "it's \"x\"\u0001");
        c.put("EQUALS", "a=b=c");
        c.put("EQUALS_FIRST", "=x");
        c.put("URL_WITH_PASSWORD", "postgres://user:p%40ss@host:5432/db?sslmode=require&x=1");
        c.put("EXPORT_LIKE", "export X=1");
        c.put("COLON_SPACE", "a: b'");
        c.put("LONG", "x".repeat(100_000));
        c.put("LONG_BACKSLASHES", "a\\b".repeat(20_000));
        c.put("LONG_APOSTROPHES", "it's ".repeat(10_000));
        // Refused: no form carries these for every loader.
        c.put("CARRIAGE_RETURN", "a\rb");
        c.put("CRLF", "a\r\nb");
        c.put("TRAILING_CARRIAGE_RETURN", "a\r");
        c.put("NUL", "a\0b");
        c.put("PYTHON_VARIABLE", "${" + PYTHON_VARIABLE + "}");
        c.put("PYTHON_VARIABLE_EMPTY_NAME", "${}");
        c.put("PYTHON_VARIABLE_DEFAULT", "${NOT_SET:-fallback}");
        c.put("PYTHON_VARIABLE_DOUBLE_DOLLAR", "$${" + PYTHON_VARIABLE + "}");
        c.put("PYTHON_VARIABLE_NESTED", "${a${b}}");
        c.put("APOSTROPHE_QUOTES_MULTILINE", "it's \"both\"\non two lines");
        c.put("APOSTROPHE_MULTILINE_TWO_BACKSLASHES", "it's\nC:\\\\share");
        c.put("APOSTROPHE_MULTILINE_TRAILING_BACKSLASH", "it's\nends with a backslash\\");
        c.put("APOSTROPHE_MULTILINE_ESCAPE", "it's\n\\n");
        c.put("QUOTES_AND_HASH", "it's \"quoted\" # and a hash");
        c.put("QUOTES_PADDED", " it's \"padded\" ");
        c.put("QUOTES_NBSP_LAST", "it's \"x\"\u00a0");
        c.put("QUOTES_UNIT_SEPARATOR_LAST", "it's \"x\"\u001f");
        c.put("QUOTES_FIGURE_SPACE_LAST", "it's \"x\"\u2007");
        c.put("QUOTES_BOM_LAST", "it's \"x\"\ufeff");
        c.put("LEADING_APOSTROPHE_AND_DOUBLE_QUOTES", "'it \"starts\" with a quote");
        c.put("LEADING_DOUBLE_QUOTE_AND_APOSTROPHE", "\"it's\" a\\tb");
        c.put("WRAPPED_IN_BACKTICKS_WITH_QUOTES", "`it's \"wrapped\"`");
        c.put("TWO_BACKSLASHES_AND_HASH", "a\\\\b # c");
        c.put("TRAILING_BACKSLASH_MULTILINE", "line one\nline two\\");
        c.putAll(fuzz(Integer.getInteger("spectral.dotenvFuzz", 0)));
        return c;
    }

    /** With -Dspectral.dotenvFuzz=N, N more values drawn (seed 1) from the characters the rules are about. */
    private static Map<String, String> fuzz(int count) {
        String[] pieces = {
            "a",
            "b",
            " ",
            "\t",
            "\n",
            "'",
            "\"",
            "`",
            "\\",
            "#",
            "$",
            "{",
            "}",
            ":",
            "-",
            "=",
            "\u00a0",
            "é",
            "\uD83D\uDD11",
            "\u2028",
            "\u0085",
            "\u001f",
            "n",
            "r"
        };
        java.util.Random random = new java.util.Random(1);
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            StringBuilder value = new StringBuilder();
            for (int n = random.nextInt(9); n > 0; n--) {
                value.append(pieces[random.nextInt(pieces.length)]);
            }
            values.put("FUZZ_" + i, value.toString());
        }
        return values;
    }

    @BeforeAll
    static void findLoaders() throws Exception {
        missing = findMissing();
        missing.ifPresent(
                what -> System.err.println("SKIPPED: DotEnvLoadersTest needs " + what + ". Install: " + INSTALL));
    }

    /** Skips each test, visibly, when a loader is missing; fails instead on CI, which must have them all. */
    @BeforeEach
    void needsEveryLoader() {
        if (missing.isPresent()) {
            String message = "DotEnvLoadersTest needs " + missing.get() + ". Install: " + INSTALL;
            if ("true".equals(System.getenv("CI"))) {
                fail(message + " (CI=true: the loaders must be there)");
            }
            Assumptions.abort(message);
        }
    }

    private static Optional<String> findMissing() throws Exception {
        tools = Path.of(System.getProperty("spectral.dotenvLoaders", "src/test/dotenv-loaders"))
                .toAbsolutePath();
        Optional<Path> nodeOnPath = onPath("node");
        if (nodeOnPath.isEmpty()) {
            return Optional.of("node (Node.js 20.6 or later) on the PATH");
        }
        node = nodeOnPath.get();
        nodeVersion = run(List.of(node.toString(), "--version")).strip();
        int[] version = java.util.Arrays.stream(
                        nodeVersion.replaceFirst("^v", "").split("\\."))
                .limit(2)
                .mapToInt(Integer::parseInt)
                .toArray();
        if (version[0] < 20 || version[0] == 20 && version[1] < 6) {
            return Optional.of("Node.js 20.6 or later for --env-file (found " + nodeVersion + ")");
        }
        for (String module : List.of("dotenv", "dotenv-16")) {
            if (!Files.isRegularFile(
                    tools.resolve("node_modules").resolve(module).resolve("package.json"))) {
                return Optional.of("the npm package " + module + " in " + tools.resolve("node_modules"));
            }
        }
        List<String> candidates = new ArrayList<>(List.of("/usr/bin/python3"));
        onPath("python3").ifPresent(p -> candidates.add(p.toString()));
        for (String candidate : candidates) {
            Optional<Path> executable = pythonWithDotenv(candidate);
            if (executable.isPresent() && !PYTHONS.contains(executable.get())) {
                PYTHONS.add(executable.get());
            }
        }
        if (PYTHONS.isEmpty()) {
            return Optional.of("python-dotenv under " + String.join(" or ", candidates));
        }
        return Optional.empty();
    }

    @Test
    void everyValueTheFormatWritesReadsBackByteExactWithEveryLoader() throws Exception {
        Map<String, String> accepted = new LinkedHashMap<>();
        corpus().forEach((name, value) -> {
            if (DotEnvFormat.form(value).isPresent()) {
                accepted.put("K_" + name, value);
            }
        });
        Map<String, String> reversed = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(accepted.keySet());
        java.util.Collections.reverse(keys);
        keys.forEach(k -> reversed.put(k, accepted.get(k)));
        Path inOrder = write("in-order", accepted);
        Path inReverse = write("reversed", reversed);
        for (Form form : Form.values()) {
            assertTrue(
                    accepted.values().stream()
                            .anyMatch(v -> DotEnvFormat.form(v).orElseThrow() == form),
                    "the corpus writes no value " + form);
        }

        Map<String, Map<Path, Map<String, String>>> read = readWithEveryLoader(List.of(inOrder, inReverse));

        List<String> problems = new ArrayList<>();
        read.forEach((loader, files) -> files.forEach((file, got) -> {
            for (Map.Entry<String, String> expected : accepted.entrySet()) {
                String key = expected.getKey();
                String want = HEX.formatHex(expected.getValue().getBytes(StandardCharsets.UTF_8));
                if (!want.equals(got.get(key))) {
                    problems.add(loader + " read " + key + " ("
                            + DotEnvFormat.form(expected.getValue()).orElseThrow() + ") from " + file.getFileName()
                            + " as " + shown(got.get(key)) + ", not " + shown(want));
                }
            }
            got.keySet().stream()
                    .filter(k -> k.startsWith("K_") && !accepted.containsKey(k))
                    .forEach(k -> problems.add(loader + " read a key that was not written: " + k));
        }));
        System.err.println("DotEnvLoadersTest: " + accepted.size() + " values written, read back by " + read.keySet());
        assertEquals(List.of(), problems, problems.size() + " misread value(s)");
    }

    @Test
    void everyValueTheFormatRefusesIsMisreadByALoaderInEveryForm() throws Exception {
        Map<String, String> refused = new LinkedHashMap<>();
        corpus().forEach((name, value) -> {
            if (DotEnvFormat.form(value).isEmpty()) {
                refused.put(name, value);
            }
        });
        Map<String, String> after = Map.of(
                "K_BEFORE",
                "b",
                "K_AFTER_SINGLE",
                "a",
                "K_AFTER_DOUBLE",
                "a",
                "K_AFTER_UNQUOTED",
                "a",
                "K_AFTER_BACKTICK",
                "`");
        List<Path> files = new ArrayList<>();
        Map<Path, String> description = new LinkedHashMap<>();
        Map<Path, Map<String, String>> expected = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : refused.entrySet()) {
            Map<String, String> lines = new LinkedHashMap<>();
            for (Form form : Form.values()) {
                lines.put(form.name(), form.line("K_VALUE", entry.getValue()));
            }
            lines.put(
                    "DOUBLE_QUOTED_ESCAPED",
                    "K_VALUE=\""
                            + entry.getValue()
                                    .replace("\\", "\\\\")
                                    .replace("\"", "\\\"")
                                    .replace("\n", "\\n")
                                    .replace("\r", "\\r")
                            + "\"");
            for (Map.Entry<String, String> line : lines.entrySet()) {
                Path file = dir.resolve(entry.getKey() + "-" + line.getKey() + ".env");
                Files.writeString(
                        file,
                        "# h\nK_BEFORE='b'\n" + line.getValue()
                                + "\nK_AFTER_SINGLE='a'\nK_AFTER_DOUBLE=\"a\"\nK_AFTER_UNQUOTED=a\nK_AFTER_BACKTICK='`'\n# a comment\n",
                        StandardCharsets.UTF_8);
                files.add(file);
                description.put(file, entry.getKey() + " " + line.getKey());
                Map<String, String> want = new TreeMap<>(after);
                want.put("K_VALUE", entry.getValue());
                expected.put(file, want);
            }
        }

        Map<String, Map<Path, Map<String, String>>> read = readWithEveryLoader(files);

        List<String> readByAll = new ArrayList<>();
        for (Path file : files) {
            boolean misread = read.values().stream()
                    .anyMatch(byFile -> expected.get(file).entrySet().stream()
                            .anyMatch(e -> !HEX.formatHex(e.getValue().getBytes(StandardCharsets.UTF_8))
                                    .equals(byFile.get(file).get(e.getKey()))));
            if (!misread) {
                readByAll.add(description.get(file));
            }
        }
        System.err.println("DotEnvLoadersTest: " + refused.size() + " values refused, each misread in every form");
        assertTrue(refused.size() >= 20, "the corpus refuses only " + refused.size() + " values");
        assertEquals(List.of(), readByAll, "refused, yet every loader reads it back unchanged in this form");
    }

    // --- the loaders ---

    /** Loader name, then file, then key to the hex of the value's UTF-8 bytes (an "error" key when it failed). */
    private Map<String, Map<Path, Map<String, String>>> readWithEveryLoader(List<Path> files) throws Exception {
        Map<String, Map<Path, Map<String, String>>> read = new LinkedHashMap<>();
        List<String> command = new ArrayList<>(
                List.of(node.toString(), tools.resolve("read-dotenv.cjs").toString()));
        files.forEach(f -> command.add(f.toString()));
        JsonNode npm = JSON.readTree(run(command)).get("loaders");
        npm.fieldNames().forEachRemaining(loader -> read.put("npm " + loader, byFile(npm.get(loader), files)));

        Map<Path, Map<String, String>> envFile = new LinkedHashMap<>();
        for (Path file : files) {
            // A file that Node refuses counts as misread, like the other loaders' errors.
            Result result = run(builder(List.of(
                    node.toString(),
                    "--env-file=" + file,
                    tools.resolve("print-env.cjs").toString())));
            envFile.put(
                    file, result.exitCode == 0 ? values(JSON.readTree(result.stdout)) : Map.of("error", result.stderr));
        }
        read.put("node " + nodeVersion + " --env-file", envFile);

        for (Path python : PYTHONS) {
            List<String> pythonCommand = new ArrayList<>(List.of(
                    python.toString(), tools.resolve("read-python-dotenv.py").toString()));
            files.forEach(f -> pythonCommand.add(f.toString()));
            JsonNode result = JSON.readTree(run(pythonCommand));
            read.put(
                    "python-dotenv " + result.get("version").asText() + " (" + python + ")",
                    byFile(result.get("files"), files));
        }
        return read;
    }

    private static Map<Path, Map<String, String>> byFile(JsonNode node, List<Path> files) {
        Map<Path, Map<String, String>> result = new LinkedHashMap<>();
        for (Path file : files) {
            result.put(file, values(node.get(file.toString())));
        }
        return result;
    }

    private static Map<String, String> values(JsonNode object) {
        Map<String, String> values = new TreeMap<>();
        object.fields()
                .forEachRemaining(e -> values.put(
                        e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return values;
    }

    private Path write(String name, Map<String, String> values) throws Exception {
        Path file = dir.resolve(name).resolve(".env");
        new DotEnvWriter(null).write(file, DotEnvFormat.render("dev", "Written by DotEnvLoadersTest.", values));
        return file;
    }

    private static String shown(String hex) {
        if (hex == null) {
            return "(missing)";
        }
        String text = new String(HEX.parseHex(hex), StandardCharsets.UTF_8);
        String escaped = text.replace("\\", "\\\\")
                .replace("\n", "\\n")
                .replace("\r", "\\r")
                .replace("\0", "\\0");
        return "\"" + (escaped.length() > 80 ? escaped.substring(0, 80) + "...(" + text.length() + " chars)" : escaped)
                + "\"";
    }

    // --- finding and running the tools ---

    private static Optional<Path> onPath(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String folder : path.split(File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, name))) {
                return Optional.of(Path.of(folder, name));
            }
        }
        return Optional.empty();
    }

    /** The interpreter itself (not a shim) when it can import dotenv. */
    private static Optional<Path> pythonWithDotenv(String candidate) throws Exception {
        if (!Files.isExecutable(Path.of(candidate))) {
            return Optional.empty();
        }
        ProcessBuilder builder = new ProcessBuilder(candidate, "-c", "import sys, dotenv; print(sys.executable)");
        Result result = run(builder);
        return result.exitCode == 0 ? Optional.of(Path.of(result.stdout.strip()).toRealPath()) : Optional.empty();
    }

    /** A small environment: PATH, HOME, LANG, and a variable that python-dotenv could expand. */
    private static ProcessBuilder builder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        String path = env.getOrDefault("PATH", "/usr/bin:/bin");
        env.clear();
        env.put("PATH", path);
        env.put("HOME", System.getProperty("java.io.tmpdir"));
        env.put("LANG", "C.UTF-8");
        env.put(PYTHON_VARIABLE, "expanded");
        return builder;
    }

    private static String run(List<String> command) throws Exception {
        Result result = run(builder(command));
        if (result.exitCode != 0) {
            fail(String.join(" ", command.subList(0, Math.min(2, command.size()))) + " exited " + result.exitCode + ": "
                    + result.stderr);
        }
        return result.stdout;
    }

    private record Result(int exitCode, String stdout, String stderr) {}

    private static Result run(ProcessBuilder builder) throws IOException, InterruptedException {
        Path out = Files.createTempFile("dotenv-loaders", ".out");
        Path err = Files.createTempFile("dotenv-loaders", ".err");
        try {
            Process process = builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                fail(builder.command().get(0) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}

package dev.spectral.provision.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spectral.provision.testing.Configs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigParserTest {

    private static final String VALID = """
            # comment
            [production]
            APP_ENV = "production"
            API_KEY = "op://Spectral/anthropic/credential"

            [dev]
            APP_ENV = "dev"

            [rotation]
            API_KEY = "prompt:per-env"
            """;

    @Test
    void readsEnvironmentsEntriesAndRotationInFileOrder() {
        Config config = Configs.valid(VALID);

        assertEquals(List.of("production", "dev"), config.environmentNames());
        Environment production = config.environment("production").orElseThrow();
        assertEquals(
                List.of("APP_ENV", "API_KEY"),
                production.entries().stream().map(Entry::key).toList());
        assertEquals(
                Optional.of("production"),
                production.entry("APP_ENV").orElseThrow().literal());
        OpReference ref = production.entry("API_KEY").orElseThrow().reference().orElseThrow();
        assertEquals("Spectral", ref.vault());
        assertEquals("anthropic", ref.item());
        assertEquals("credential", ref.field());
        assertEquals(
                new Position(Configs.FILE, 4, 1),
                production.entry("API_KEY").orElseThrow().position());

        RotationSpec spec = config.rotation("API_KEY").orElseThrow();
        assertEquals(RotationSpec.PROMPT, spec.generator());
        assertEquals(RotationSpec.Scope.PER_ENV, spec.scope());
        assertEquals(10, spec.position().line());
    }

    @Test
    void rejectsValuesThatAreNotStringsAndKeepsTheRest() {
        ParsedConfig parsed = Configs.parse("""
                [production]
                PORT = 8080
                DEBUG = true
                HOSTS = ["a", "b"]
                DB = { url = "x" }
                OK = "fine"
                """);

        assertEquals(List.of("value-type", "value-type", "value-type", "value-type"), rules(parsed));
        assertEquals(
                List.of(2, 3, 4, 5),
                parsed.problems().stream().map(f -> f.position().line()).toList());
        assertTrue(
                parsed.problems().get(0).message().contains("a number"),
                parsed.problems().get(0).message());
        assertTrue(parsed.problems().get(2).message().contains("an array"));
        assertTrue(parsed.problems().get(3).message().contains("a table"));
        assertEquals(List.of("OK"), keys(parsed.config(), "production"));
    }

    @Test
    void rejectsNestedTablesWhereAStringBelongs() {
        ParsedConfig parsed = Configs.parse("""
                [production]
                A = "x"
                [production.db]
                url = "y"
                """);

        assertEquals(List.of("value-type"), rules(parsed));
        Finding finding = parsed.problems().get(0);
        assertEquals(Optional.of("production"), finding.environment());
        assertEquals(Optional.of("db"), finding.key());
    }

    @Test
    void reportsDuplicateKeysWithTheirPosition() {
        ParsedConfig parsed = Configs.parse("""
                [production]
                A = "x"
                A = "y"
                """);

        assertEquals(List.of("toml-syntax"), rules(parsed));
        assertEquals(3, parsed.problems().get(0).position().line());
    }

    @Test
    void rejectsEmptyValues() {
        ParsedConfig parsed = Configs.parse("[production]\nA = \"\"\n");

        assertEquals(List.of("empty-value"), rules(parsed));
        assertEquals(
                "environments.toml:2:1 [production] A: the value is empty (empty-value) Fix: give it a value, or delete the line",
                parsed.problems().get(0).format());
    }

    @Test
    void rejectsInvalidUtf8AndSaysWhere() {
        byte[] bytes = "[production]\nA = \"caf\u00e9\"\nB = \"x\"\n".getBytes(StandardCharsets.ISO_8859_1);

        ParsedConfig parsed = ConfigParser.parse(bytes, Configs.FILE);

        assertEquals(List.of("encoding"), rules(parsed));
        assertEquals(new Position(Configs.FILE, 2, 9), parsed.problems().get(0).position());
    }

    @Test
    void aMisspeltReservedTableIsNotAnEnvironment() {
        ParsedConfig parsed = Configs.parse("""
                [production]
                A = "op://Spectral/a/b"
                [rotaton]
                A = "prompt:shared"
                """);

        assertEquals(List.of("reserved-table"), rules(parsed));
        assertTrue(parsed.problems().get(0).message().contains("[rotation]"));
        assertEquals(List.of("production"), parsed.config().environmentNames());
        assertTrue(parsed.config().rotations().isEmpty());
    }

    @Test
    void aTableOfRotationSpecsUnderAnyNameIsRefused() {
        ParsedConfig parsed = Configs.parse("""
                [key-rotation-settings]
                A = "es256-jwk:shared"
                """);

        assertEquals(List.of("reserved-table"), rules(parsed));
    }

    @Test
    void anOrdinaryEnvironmentNameIsNotMistakenForAReservedOne() {
        assertEquals(
                List.of("staging", "qa"),
                Configs.valid("[staging]\nA = \"x\"\n[qa]\nA = \"y\"\n").environmentNames());
    }

    @Test
    void rejectsKeysOutsideAnyTable() {
        ParsedConfig parsed = Configs.parse("A = \"x\"\n[production]\nB = \"y\"\n");

        assertEquals(List.of("toml-structure"), rules(parsed));
        assertEquals(1, parsed.problems().get(0).position().line());
    }

    @Test
    void reportsMalformedReferencesAndRotationSpecs() {
        ParsedConfig parsed = Configs.parse("""
                [production]
                A = "op://Spectral/only-item"
                [rotation]
                A = "es256-jwk"
                """);

        assertEquals(List.of("reference", "rotation-syntax"), rules(parsed));
        assertTrue(parsed.config()
                .environment("production")
                .orElseThrow()
                .entries()
                .isEmpty());
    }

    @Test
    void aRotationSpecMayEndWithAMaxAge() {
        Config config = Configs.valid("""
                [production]
                A = "op://Spectral/a/f"
                B = "op://Spectral/b/f"
                C = "op://Spectral/c/f"
                [rotation]
                A = "es256-jwk:shared:90d"
                B = "prompt:per-env:12h"
                C = "random-token:shared"
                """);

        assertEquals(
                Optional.of(Duration.ofDays(90)),
                config.rotation("A").orElseThrow().maxAge().map(Age::duration));
        assertEquals(
                "12h", config.rotation("B").orElseThrow().maxAge().orElseThrow().text());
        assertEquals(Optional.empty(), config.rotation("C").orElseThrow().maxAge());
    }

    @Test
    void aMaxAgeThatIsZeroOrWithoutAUnitIsRefusedWithTheForm() {
        for (String spec :
                List.of("es256-jwk:shared:0d", "es256-jwk:shared:90", "es256-jwk:shared:3w", "es256-jwk:shared:")) {
            ParsedConfig parsed =
                    Configs.parse("[production]\nA = \"op://Spectral/a/f\"\n[rotation]\nA = \"" + spec + "\"\n");

            assertEquals(List.of("rotation-syntax"), rules(parsed), spec);
            assertTrue(
                    parsed.problems().get(0).format().contains("es256-jwk:shared:90d"),
                    parsed.problems().get(0).format());
        }
    }

    @Test
    void reportsTomlSyntaxErrors() {
        ParsedConfig parsed = Configs.parse("[production]\nA = \"unterminated\n");

        assertTrue(parsed.hasErrors());
        assertEquals("toml-syntax", parsed.problems().get(0).rule());
        assertEquals(2, parsed.problems().get(0).position().line());
    }

    @Test
    void aMissingFileIsOneClearProblem(@TempDir Path dir) {
        ParsedConfig parsed = ConfigParser.parse(dir.resolve("environments.toml"), "infra/environments.toml");

        assertEquals(List.of("file"), rules(parsed));
        assertTrue(parsed.problems().get(0).format().startsWith("infra/environments.toml:1:1 file not found"));
    }

    @Test
    void readsAFileFromDisk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("environments.toml");
        Files.writeString(file, VALID);

        assertEquals(List.of(), ConfigParser.parse(file, "x").problems());
    }

    private static List<String> rules(ParsedConfig parsed) {
        return parsed.problems().stream().map(Finding::rule).toList();
    }

    private static List<String> keys(Config config, String env) {
        return config.environment(env).orElseThrow().entries().stream()
                .map(Entry::key)
                .toList();
    }
}

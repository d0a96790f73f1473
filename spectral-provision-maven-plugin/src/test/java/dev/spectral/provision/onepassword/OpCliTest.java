package dev.spectral.provision.onepassword;

import static dev.spectral.provision.testing.ScriptedRunner.exit;
import static dev.spectral.provision.testing.ScriptedRunner.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spectral.provision.config.InvalidValueException;
import dev.spectral.provision.config.OpReference;
import dev.spectral.provision.config.OpReferenceParser;
import dev.spectral.provision.process.Command;
import dev.spectral.provision.process.CommandException;
import dev.spectral.provision.process.CommandResult;
import dev.spectral.provision.secret.Redactor;
import dev.spectral.provision.secret.SecretValue;
import dev.spectral.provision.testing.ScriptedRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpCliTest {

    private static final Pattern ENV_LINE = Pattern.compile("SPECTRAL_REF_(\\d+)=\"(.*)\"");

    /** What the fake 1Password holds: reference (lower-case) to value. */
    private static final Map<String, String> VAULT = Map.of(
            "op://spectral/anthropic/credential", "sk-ant-api03-fake-credential",
            "op://spectral/cloudflare/api-token", "cf-$HOME-${PATH}-$(id)-token",
            "op://spectral/pem/private-key",
                    "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0B\n-----END PRIVATE KEY-----\n",
            "op://spectral/db/dsn", "postgres://app:pa=ss@db:5432/app?sslmode==require",
            "op://spectral/jwk/json", "{\"kty\":\"EC\",\"d\":\"say \\\"hi\\\" and 'bye'\"}",
            "op://spectral/template/text", "{{ op://Spectral/other/field }}\n\n",
            "op://spectral/unicode/text", "naïve ☃ 🔑 日本語",
            "op://spectral/crlf/text", "line one\r\nline two\r\n");

    private final Redactor redactor = new Redactor();
    private final ScriptedRunner runner = new ScriptedRunner();
    private final OpCli op = new OpCli(runner, "op", Duration.ofSeconds(30), redactor);

    /** Each env file as the fake op read it, while op was running. */
    private final List<String> envFiles = new ArrayList<>();

    private final List<Path> envFilePaths = new ArrayList<>();

    private static OpReference ref(String text) {
        try {
            return OpReferenceParser.parse(text);
        } catch (InvalidValueException e) {
            throw new AssertionError(e);
        }
    }

    private void opVersion(String printed) {
        runner.on(List.of("op", "--version"), c -> ok(printed));
    }

    /** A fake {@code op run ... -- env -0}: reads the env file and prints NUL-separated records. */
    private CommandResult fakeOpRun(Command command) {
        Path envFile = Path.of(command.argv().get(4));
        String content;
        try {
            content = Files.readString(envFile);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(envFile)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        envFilePaths.add(envFile);
        envFiles.add(content);
        List<String> records = new ArrayList<>(List.of(
                "PATH=/usr/bin:/bin",
                "OP_SERVICE_ACCOUNT_TOKEN=ops_eyJfakeServiceAccountToken",
                "DECOY=x\nSPECTRAL_REF_0=not-the-value",
                "SPECTRAL_REF_ZZ=also-not-a-value"));
        for (String line : content.split("\n")) {
            Matcher m = ENV_LINE.matcher(line);
            assertTrue(m.matches(), "unexpected env file line: " + line);
            String value = VAULT.get(m.group(2).toLowerCase(Locale.ROOT));
            records.add("SPECTRAL_REF_" + m.group(1) + "=" + (value == null ? "value-of-" + m.group(2) : value));
        }
        records.add("HOME=/home/ci");
        return ok((String.join("\0", records) + "\0").getBytes(StandardCharsets.UTF_8));
    }

    private void opRunsNormally() {
        opVersion("2.30.3\n");
        runner.on(List.of("op", "run"), this::fakeOpRun);
    }

    private void opRunFails(String stderr) {
        opVersion("2.30.3\n");
        runner.on(List.of("op", "run"), c -> {
            envFilePaths.add(Path.of(c.argv().get(4)));
            return exit(1, stderr);
        });
    }

    @Test
    void checksTheVersionOnceAcrossResolveCalls() throws Exception {
        opRunsNormally();

        op.resolve(List.of(ref("op://Spectral/anthropic/credential")));
        op.resolve(List.of(ref("op://Spectral/db/dsn")));

        assertEquals(1, runner.commands("op", "--version").size());
        assertEquals(2, runner.commands("op", "run").size());
    }

    @Test
    void refusesAnOpOlderThan2230NamingBothVersions() {
        opVersion("2.22.1\n");

        OnePasswordException e = assertThrows(
                OnePasswordException.class, () -> op.resolve(List.of(ref("op://Spectral/anthropic/credential"))));

        assertTrue(e.getMessage().contains("2.22.1"), e.getMessage());
        assertTrue(e.getMessage().contains("2.23.0"), e.getMessage());
        assertEquals(List.of(), runner.commands("op", "run"));
    }

    @Test
    void accepts2230Exactly() throws Exception {
        opVersion("2.23.0\n");
        runner.on(List.of("op", "run"), this::fakeOpRun);

        assertEquals(
                1,
                op.resolve(List.of(ref("op://Spectral/anthropic/credential"))).size());
    }

    @Test
    void reportsAnUnreadableVersion() {
        opVersion("op: command mangled\n");

        OnePasswordException e = assertThrows(
                OnePasswordException.class, () -> op.resolve(List.of(ref("op://Spectral/anthropic/credential"))));

        assertTrue(e.getMessage().contains("op: command mangled"), e.getMessage());
    }

    @Test
    void resolvesAllReferencesWithOneOpRunAndReturnsTheValuesByteExact() throws Exception {
        opRunsNormally();
        List<OpReference> references = List.of(
                ref("op://Spectral/anthropic/credential"),
                ref("op://Spectral/cloudflare/api-token"),
                ref("op://spectral/Cloudflare/API-TOKEN"),
                ref("op://Spectral/pem/private-key"),
                ref("op://Spectral/db/dsn"),
                ref("op://Spectral/jwk/json"),
                ref("op://Spectral/template/text"),
                ref("op://Spectral/anthropic/credential"),
                ref("op://Spectral/unicode/text"),
                ref("op://Spectral/crlf/text"));

        Map<OpReference, SecretValue> values = op.resolve(references);

        List<Command> runs = runner.commands("op", "run");
        assertEquals(1, runs.size());
        String envFile = envFilePaths.get(0).toString();
        assertEquals(
                List.of("op", "run", "--no-masking", "--env-file", envFile, "--", "env", "-0"),
                runs.get(0).argv());
        assertTrue(runs.get(0).stdin().isEmpty(), "op run gets a closed stdin");

        List<String> distinct = List.of(
                "op://Spectral/anthropic/credential",
                "op://Spectral/cloudflare/api-token",
                "op://Spectral/pem/private-key",
                "op://Spectral/db/dsn",
                "op://Spectral/jwk/json",
                "op://Spectral/template/text",
                "op://Spectral/unicode/text",
                "op://Spectral/crlf/text");
        assertEquals(distinct, referencesIn(envFiles.get(0)));
        for (String value : VAULT.values()) {
            assertFalse(envFiles.get(0).contains(value.strip()), "the env file holds a value");
        }
        assertFalse(Files.exists(envFilePaths.get(0)), "the env file is deleted after the run");

        assertEquals(distinct.size(), values.size());
        for (OpReference reference : references) {
            String expected = VAULT.get(reference.toString().toLowerCase(Locale.ROOT));
            assertEquals(expected, values.get(reference).reveal(), reference.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 40, 250})
    void makesExactlyOneOpRunWhateverTheNumberOfReferences(int n) throws Exception {
        opRunsNormally();
        List<OpReference> references = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            references.add(ref("op://Spectral/item-" + i + "/field"));
            references.add(ref("op://SPECTRAL/ITEM-" + i + "/FIELD"));
        }

        Map<OpReference, SecretValue> values = op.resolve(references);

        assertEquals(1, runner.commands("op", "run").size());
        assertEquals(n, values.size());
        assertEquals(n, referencesIn(envFiles.get(0)).size());
        assertEquals(
                "value-of-op://Spectral/item-" + (n - 1) + "/field",
                values.get(ref("op://spectral/item-" + (n - 1) + "/field")).reveal());
    }

    @Test
    void makesNoCallForNoReferences() throws Exception {
        assertEquals(Map.of(), op.resolve(List.of()));
        assertEquals(List.of(), runner.commands());
    }

    @Test
    void registersEveryValueWithTheRedactor() throws Exception {
        opRunsNormally();

        op.resolve(List.of(ref("op://Spectral/anthropic/credential"), ref("op://Spectral/pem/private-key")));

        assertEquals("key ***", redactor.redact("key sk-ant-api03-fake-credential"));
        assertEquals("pem line ***", redactor.redact("pem line MIIEvQIBADANBgkqhkiG9w0B"));
        assertEquals(
                "not a value: ops_eyJfakeServiceAccountToken",
                redactor.redact("not a value: ops_eyJfakeServiceAccountToken"));
    }

    @Test
    void explainsANotSignedInOp() {
        opRunFails("[ERROR] 2026/11/28 11:00:00 account is not signed in\n");

        OnePasswordException e = assertThrows(
                OnePasswordException.class, () -> op.resolve(List.of(ref("op://Spectral/anthropic/credential"))));

        assertTrue(e.getMessage().contains("op signin"), e.getMessage());
        assertTrue(e.getMessage().contains("OP_SERVICE_ACCOUNT_TOKEN"), e.getMessage());
        assertFalse(Files.exists(envFilePaths.get(0)), "the env file is deleted after a failed run");
    }

    @Test
    void namesTheReferenceOfAMissingItem() {
        opRunFails("[ERROR] 2026/11/28 11:00:00 \"nope\" isn't an item in the \"Spectral\" vault\n");

        OnePasswordException e = assertThrows(
                OnePasswordException.class,
                () -> op.resolve(
                        List.of(ref("op://Spectral/anthropic/credential"), ref("op://Spectral/nope/password"))));

        assertTrue(e.getMessage().contains("op://Spectral/nope/password"), e.getMessage());
        assertFalse(e.getMessage().contains("anthropic"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[ERROR] 2026/11/28 11:00:00 could not find field missing on item cloudflare in vault Spectral\n",
                "[ERROR] 2026/11/28 11:00:00 could not find field or file missing on item cloudflare in vault Spectral\n"
            })
    void namesTheReferenceOfAMissingField(String stderr) {
        opRunFails(stderr);

        OnePasswordException e = assertThrows(
                OnePasswordException.class,
                () -> op.resolve(
                        List.of(ref("op://Spectral/cloudflare/api-token"), ref("op://Spectral/cloudflare/missing"))));

        assertTrue(e.getMessage().contains("op://Spectral/cloudflare/missing"), e.getMessage());
        assertFalse(e.getMessage().contains("api-token"), e.getMessage());
    }

    @Test
    void passesAnUnknownErrorOn() {
        opRunFails("[ERROR] 2026/11/28 11:00:00 something unexpected: code 42\n");

        OnePasswordException e = assertThrows(
                OnePasswordException.class, () -> op.resolve(List.of(ref("op://Spectral/anthropic/credential"))));

        assertTrue(e.getMessage().contains("something unexpected: code 42"), e.getMessage());
    }

    @Test
    void namesAReferenceOpRunDidNotPass() {
        opVersion("2.30.3\n");
        runner.on(List.of("op", "run"), c -> ok("PATH=/bin\0SPECTRAL_REF_0=sk-ant-api03-fake-credential\0"));

        OnePasswordException e = assertThrows(
                OnePasswordException.class,
                () -> op.resolve(List.of(ref("op://Spectral/anthropic/credential"), ref("op://Spectral/db/dsn"))));

        assertTrue(e.getMessage().contains("op://Spectral/db/dsn"), e.getMessage());
        assertFalse(e.getMessage().contains("sk-ant-api03-fake-credential"), e.getMessage());
    }

    @Test
    void reportsARunnerFailureAndStillDeletesTheEnvFile() {
        opVersion("2.30.3\n");
        runner.on(List.of("op", "run"), c -> {
            envFilePaths.add(Path.of(c.argv().get(4)));
            throw new CommandException(c.step() + ": op did not finish within 120 s and was killed");
        });

        OnePasswordException e = assertThrows(
                OnePasswordException.class, () -> op.resolve(List.of(ref("op://Spectral/anthropic/credential"))));

        assertTrue(e.getMessage().contains("did not finish"), e.getMessage());
        assertFalse(Files.exists(envFilePaths.get(0)));
    }

    @Test
    void neverPutsAResolvedValueIntoAnExceptionMessage() throws Exception {
        opVersion("2.30.3\n");
        runner.on(List.of("op", "run", "--no-masking", "--env-file"), c -> {
            if (runner.commands("op", "run").size() == 1) {
                return fakeOpRun(c);
            }
            return exit(
                    1,
                    "[ERROR] 2026/11/28 11:00:00 odd: sk-ant-api03-fake-credential and line one and cf-$HOME-${PATH}-$(id)-token\n");
        });
        Map<OpReference, SecretValue> values = op.resolve(List.of(
                ref("op://Spectral/anthropic/credential"),
                ref("op://Spectral/crlf/text"),
                ref("op://Spectral/cloudflare/api-token")));

        OnePasswordException e =
                assertThrows(OnePasswordException.class, () -> op.resolve(List.of(ref("op://Spectral/db/dsn"))));

        for (SecretValue value : values.values()) {
            for (String line : value.reveal().split("\r?\n")) {
                assertFalse(e.getMessage().contains(line), e.getMessage());
            }
        }
        assertTrue(e.getMessage().contains("odd: *** and *** and ***"), e.getMessage());
    }

    private static List<String> referencesIn(String envFile) {
        Map<Integer, String> byIndex = new LinkedHashMap<>();
        for (String line : envFile.split("\n")) {
            Matcher m = ENV_LINE.matcher(line);
            assertTrue(m.matches(), "unexpected env file line: " + line);
            byIndex.put(Integer.parseInt(m.group(1)), m.group(2));
        }
        List<String> references = new ArrayList<>();
        for (int i = 0; i < byIndex.size(); i++) {
            assertTrue(byIndex.containsKey(i), "SPECTRAL_REF_" + i + " missing in " + envFile);
            references.add(byIndex.get(i));
        }
        return references;
    }
}

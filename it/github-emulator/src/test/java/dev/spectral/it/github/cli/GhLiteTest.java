package dev.spectral.it.github.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spectral.it.github.Emulator;
import dev.spectral.it.github.EmulatorOptions;
import dev.spectral.it.github.GhConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gh-lite against the emulator in this JVM: requests, output and exit codes of each command it emulates. */
class GhLiteTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPO = "acme/app";
    private static final String ENV_PATH = "repos/acme/app/environments/production";

    @TempDir
    Path dir;

    private Path state;
    private Path config;
    private Emulator emulator;

    @BeforeEach
    void start() throws Exception {
        start(EmulatorOptions.Limits.OFF);
    }

    private void start(EmulatorOptions.Limits limits) throws Exception {
        if (emulator != null) {
            emulator.close();
        }
        state = dir.resolve("state");
        Path socket = dir.resolve("gh.sock");
        emulator = Emulator.start(EmulatorOptions.unixSocket(socket, state).withLimits(limits));
        config = dir.resolve("gh-config");
        GhConfig.write(config, socket);
        ok(gh(null, "api", "--method", "PUT", ENV_PATH));
    }

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    private GhLite.Result gh(String stdin, String... args) {
        return GhLite.capture(
                Map.of("GH_CONFIG_DIR", config.toString()),
                stdin == null ? null : stdin.getBytes(StandardCharsets.UTF_8),
                args);
    }

    private static GhLite.Result ok(GhLite.Result result) {
        assertEquals(0, result.exit(), () -> "gh-lite failed: " + result.stderr());
        return result;
    }

    private JsonNode secrets() throws IOException {
        return JSON.readTree(state.resolve("state.json").toFile())
                .at("/repos/acme~1app/environments/production/secrets");
    }

    private List<String> requests() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(state.resolve("requests.log"))) {
            JsonNode r = JSON.readTree(line);
            out.add(r.get("method").asText() + " " + r.get("path").asText() + " "
                    + r.get("status").asInt());
        }
        return out;
    }

    @Test
    void versionNamesGh223AndSaysItIsTheStandIn() {
        GhLite.Result result = ok(gh(null, "--version"));
        assertTrue(result.stdout().startsWith("gh version 2.23.0 (2023-02-21)\n"), result.stdout());
        assertTrue(result.stdout().contains("gh-lite"), result.stdout());
    }

    @Test
    void secretSetSealsTheValueWithoutTrailingLineBreaks() throws Exception {
        ok(gh(
                "-----BEGIN KEY-----\nline two \u2713\r\n-----END KEY-----\n\r\n\n",
                "secret",
                "set",
                "pem_key",
                "--env",
                "production",
                "--repo",
                REPO));
        assertEquals(
                "-----BEGIN KEY-----\nline two \u2713\r\n-----END KEY-----",
                secrets().at("/PEM_KEY/value").asText());
        GhLite.Result again = ok(gh("second", "secret", "set", "PEM_KEY", "-e", "production", "-R", REPO));
        assertEquals("", again.stdout() + again.stderr());
        assertEquals("second", secrets().at("/PEM_KEY/value").asText());
        assertEquals(
                List.of(
                        "PUT /repos/acme/app/environments/production 200",
                        "GET /repos/acme/app/environments/production/secrets/public-key 200",
                        "PUT /repos/acme/app/environments/production/secrets/pem_key 201",
                        "GET /repos/acme/app/environments/production/secrets/public-key 200",
                        "PUT /repos/acme/app/environments/production/secrets/PEM_KEY 204"),
                requests());
    }

    @Test
    void secretSetIntoAMissingEnvironmentFailsOnThePublicKey() {
        GhLite.Result result = gh("v", "secret", "set", "X", "--env", "staging", "--repo", REPO);
        assertEquals(1, result.exit());
        assertEquals(
                "failed to fetch public key: HTTP 404: Not Found "
                        + "(https://api.github.com/repos/acme/app/environments/staging/secrets/public-key)\n",
                result.stderr());
    }

    @Test
    void dotenvBatchIsAPartialSuccessWithGhsErrorList() throws Exception {
        Files.writeString(state.resolve("faults.json"), "{\"fail_secret\": {\"B\": 1}}");
        GhLite.Result result = gh(
                "A='1'\nB='two'\nC='it''s $HOME'\n".replace("it''s ", "x "),
                "secret",
                "set",
                "-f",
                "-",
                "--env",
                "production",
                "--repo",
                REPO);
        assertEquals(1, result.exit());
        assertEquals(
                "1 error occurred:\n\t* failed to set secret \"B\": HTTP 500: Server Error "
                        + "(https://api.github.com/repos/acme/app/environments/production/secrets/B)\n\n\n",
                result.stderr());
        assertEquals("1", secrets().at("/A/value").asText());
        assertEquals("x $HOME", secrets().at("/C/value").asText(), "single quotes are literal: no $ expansion");
        assertFalse(secrets().has("B"));
        assertEquals(
                1, requests().stream().filter(r -> r.contains("public-key")).count(), "one key for the batch");
    }

    @Test
    void dotenvOtherThanSingleQuotedLinesIsRefusedBeforeAnythingIsSent() throws Exception {
        for (String text :
                List.of("A=\"x\"\n", "export A='x'\n", "A=x\n", "# c\nA='x'\n", "A='x\\'\n", "A='a#b'\n", "\n")) {
            int before = requests().size();
            GhLite.Result result = gh(text, "secret", "set", "-f", "-", "--env", "production", "--repo", REPO);
            assertEquals(1, result.exit(), text);
            assertTrue(
                    result.stderr().startsWith("error parsing env file: gh-lite reads only")
                            || result.stderr().equals("no secrets found in file\n"),
                    result.stderr());
            assertEquals(before, requests().size(), text);
        }
    }

    @Test
    void manySecretsAtOnceAndEveryPageBackToBack() throws Exception {
        String dotenv = IntStream.range(0, 35)
                .mapToObj(i -> String.format("S%03d='value %d'", i, i))
                .collect(Collectors.joining("\n", "", "\n"));
        ok(gh(dotenv, "secret", "set", "-f", "-", "--env", "production", "--repo", REPO));
        assertEquals(35, secrets().size());

        GhLite.Result listed = ok(gh(null, "api", "--paginate", ENV_PATH + "/secrets?per_page=30"));
        List<JsonNode> pages;
        try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(listed.stdout())) {
            pages = it.readAll();
        }
        assertEquals(2, pages.size());
        assertEquals(30, pages.get(0).get("secrets").size());
        assertEquals(5, pages.get(1).get("secrets").size());
        assertTrue(listed.stdout().contains("}{"), "pages back to back, as gh prints them");
        List<String> log = requests();
        assertTrue(log.contains("GET /" + ENV_PATH + "/secrets?per_page=30 200"), log.toString());
        assertTrue(
                log.stream()
                        .anyMatch(r -> r.matches(
                                "GET /repositories/\\d+/environments/production/secrets\\?per_page=30&page=2 200")),
                "followed the Link header: " + log);

        ok(gh(null, "api", "--paginate", ENV_PATH + "/variables"));
        assertTrue(requests().contains("GET /" + ENV_PATH + "/variables?per_page=100 200"), "gh adds per_page=100");
    }

    @Test
    void apiWritesWithIncludePrintTheHeadAndErrorsTheBodyAndGhsLine() throws Exception {
        GhLite.Result created = ok(gh(
                "{\"name\":\"REGION\",\"value\":\"eu\"}",
                "api",
                "--include",
                "--method",
                "POST",
                ENV_PATH + "/variables",
                "--input",
                "-"));
        assertTrue(
                created.stdout()
                        .startsWith(
                                "HTTP/1.1 201 Created\nContent-Length: 2\r\nContent-Type: application/json; charset=utf-8\r\n"),
                created.stdout());
        assertTrue(created.stdout().endsWith("\r\n\r\n{}"), created.stdout());
        assertFalse(created.stdout().contains("Connection:"), "Go consumes Connection: close");

        GhLite.Result duplicate = gh(
                "{\"name\":\"REGION\",\"value\":\"eu\"}",
                "api",
                "--method",
                "POST",
                ENV_PATH + "/variables",
                "--input",
                "-");
        assertEquals(1, duplicate.exit());
        assertEquals(
                "{\"message\":\"Already exists - Variable already exists\",\"documentation_url\":\"https://docs.github.com/rest\"}",
                duplicate.stdout());
        assertEquals("gh: Already exists - Variable already exists (HTTP 409)\n", duplicate.stderr());

        GhLite.Result deleted = ok(gh(null, "api", "-i", "-X", "DELETE", ENV_PATH + "/variables/REGION"));
        assertTrue(deleted.stdout().startsWith("HTTP/1.1 204 No Content\nDate: "), deleted.stdout());
        assertTrue(deleted.stdout().endsWith("\r\n\r\n"), deleted.stdout());
        GhLite.Result missing = gh(null, "api", "--method", "DELETE", ENV_PATH + "/variables/REGION");
        assertEquals(1, missing.exit());
        assertEquals("gh: Not Found (HTTP 404)\n", missing.stderr());
    }

    @Test
    void paginateRefusesWritesAsGhDoes() {
        GhLite.Result result = gh(null, "api", "--paginate", "--method", "POST", ENV_PATH + "/variables");
        assertEquals(1, result.exit());
        assertEquals("the `--paginate` option is not supported for non-GET requests\n", result.stderr());
    }

    @Test
    void unauthorizedGivesGhsHint() throws Exception {
        Files.writeString(state.resolve("faults.json"), "{\"unauthorized\": true}");
        GhLite.Result set = gh("v", "secret", "set", "X", "--env", "production", "--repo", REPO);
        assertEquals(1, set.exit());
        assertEquals(
                "failed to fetch public key: HTTP 401: Bad credentials "
                        + "(https://api.github.com/repos/acme/app/environments/production/secrets/public-key)\n"
                        + "Try authenticating with:  gh auth login\n",
                set.stderr());
        GhLite.Result api = gh(null, "api", ENV_PATH);
        assertEquals(1, api.exit());
        assertEquals("gh: Bad credentials (HTTP 401)\n", api.stderr());
    }

    @Test
    void withoutCredentialsExit4AndNoRequest() throws Exception {
        Files.delete(config.resolve("hosts.yml"));
        int before = requests().size();
        GhLite.Result result = gh("v", "secret", "set", "X", "--env", "production", "--repo", REPO);
        assertEquals(4, result.exit());
        assertEquals(GhLite.AUTH_HELP, result.stderr());
        assertEquals(4, gh(null, "api", ENV_PATH).exit());
        assertEquals(before, requests().size());

        GhLite.Result withEnvToken =
                GhLite.capture(Map.of("GH_CONFIG_DIR", config.toString(), "GH_TOKEN", "t"), null, "api", ENV_PATH);
        assertEquals(0, withEnvToken.exit(), withEnvToken.stderr());
    }

    @Test
    void withoutTheEmulatorsSocketNothingIsSent() throws Exception {
        Files.writeString(config.resolve("config.yml"), "git_protocol: https\n");
        GhLite.Result result = gh(null, "api", ENV_PATH);
        assertEquals(1, result.exit());
        assertTrue(result.stderr().contains("no http_unix_socket"), result.stderr());
    }

    @Test
    void whatItDoesNotEmulateIsRefusedLoudly() throws Exception {
        int before = requests().size();
        for (String[] args : List.of(
                new String[] {"repo", "view"},
                new String[] {"secret", "list", "--env", "production"},
                new String[] {"secret", "set", "X", "--body", "v", "--env", "production", "--repo", REPO},
                new String[] {"secret", "set", "X", "--repo", REPO},
                new String[] {"api", "-f", "name=x", ENV_PATH + "/variables"},
                new String[] {"variable", "set", "X"})) {
            GhLite.Result result = gh("v", args);
            assertEquals(1, result.exit(), String.join(" ", args));
            assertTrue(result.stderr().startsWith("gh-lite: "), result.stderr());
            assertTrue(result.stderr().contains("is not emulated"), result.stderr());
        }
        assertEquals(before, requests().size());
    }

    @Test
    void throttledBatchListsEachRefusedSecret() throws Exception {
        start(EmulatorOptions.Limits.github().withPointsPerMinute(100).withClockScale(60));
        String dotenv = IntStream.range(0, 40)
                .mapToObj(i -> String.format("S%03d='v%d'", i, i))
                .collect(Collectors.joining("\n", "", "\n"));
        GhLite.Result result = gh(dotenv, "secret", "set", "-f", "-", "--env", "production", "--repo", REPO);
        assertEquals(1, result.exit());
        int refused = 40 - secrets().size();
        assertTrue(refused > 0, "the emulator's limits refused none");
        assertTrue(
                result.stderr().startsWith(refused + " errors occurred:\n\t* failed to set secret \"S"),
                result.stderr());
        assertTrue(result.stderr().contains(": HTTP 403: You have exceeded a secondary rate limit."), result.stderr());
        assertTrue(result.stderr().endsWith(")\n\n\n"), result.stderr());
    }
}

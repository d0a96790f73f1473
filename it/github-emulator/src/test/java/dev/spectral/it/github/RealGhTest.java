package dev.spectral.it.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real gh (Debian's 2.23.0 here) against the emulator over http_unix_socket. gh must be on
 * PATH: without it these tests fail (not skip), as the README's test command needs gh
 * ({@code apt-get install -y gh}, which .ci/run does).
 */
class RealGhTest {
    private static final String REPO = "acme/app";
    private static final String ENV_PATH = "repos/acme/app/environments/production";

    @TempDir
    Path dir;

    private Path state;
    private Emulator emulator;
    private GhCli gh;

    @BeforeAll
    static void requireGh() {
        // Not skipped: these are the tests that prove the emulator against the real gh.
        assertTrue(GhCli.onPath(), "gh is not on PATH: install it (apt-get install -y gh), as .ci/run does");
    }

    @BeforeEach
    void start() throws Exception {
        state = dir.resolve("state");
        Path socket = dir.resolve("gh.sock");
        emulator = Emulator.start(EmulatorOptions.unixSocket(socket, state));
        Path config = dir.resolve("gh-config");
        GhConfig.write(config, socket);
        gh = new GhCli(config, Files.createDirectories(dir.resolve("work")));
        ok(gh.run(null, "api", "--method", "PUT", ENV_PATH));
    }

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    private static GhCli.Result ok(GhCli.Result result) {
        assertEquals(0, result.exit(), () -> "gh failed: " + result.stderr());
        return result;
    }

    private JsonNode stateJson() throws IOException {
        return Json.MAPPER.readTree(state.resolve("state.json").toFile());
    }

    private JsonNode secretsInState() throws IOException {
        return stateJson().at("/repos/acme~1app/environments/production/secrets");
    }

    private List<JsonNode> requestLog() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(state.resolve("requests.log"))) {
            out.add(Json.MAPPER.readTree(line));
        }
        return out;
    }

    private void writeFaults(String json) throws IOException {
        Files.writeString(state.resolve("faults.json"), json);
    }

    /** gh api --paginate prints one JSON document per page, back to back. */
    private static List<JsonNode> pages(String stdout) throws IOException {
        try (MappingIterator<JsonNode> it =
                Json.MAPPER.readerFor(JsonNode.class).readValues(stdout)) {
            return it.readAll();
        }
    }

    @Test
    void secretSetStoresThePlaintextWithoutTrailingNewlines() throws Exception {
        String value = "-----BEGIN KEY-----\nline two \u2713\r\n  indented\n-----END KEY-----\n\r\n\n";
        ok(gh.run(value, "secret", "set", "pem_key", "--env", "production", "-R", REPO));
        JsonNode stored = secretsInState().get("PEM_KEY");
        assertEquals(
                "-----BEGIN KEY-----\nline two \u2713\r\n  indented\n-----END KEY-----",
                stored.get("value").asText());

        ok(gh.run("second", "secret", "set", "PEM_KEY", "--env", "production", "-R", REPO));
        assertEquals("second", secretsInState().at("/PEM_KEY/value").asText());
        List<String> calls = requestLog().stream()
                .map(r -> r.get("method").asText() + " " + r.get("path").asText() + " "
                        + r.get("status").asInt())
                .collect(Collectors.toList());
        assertEquals(
                List.of(
                        "PUT /repos/acme/app/environments/production 200",
                        "GET /repos/acme/app/environments/production/secrets/public-key 200",
                        "PUT /repos/acme/app/environments/production/secrets/pem_key 201",
                        "GET /repos/acme/app/environments/production/secrets/public-key 200",
                        "PUT /repos/acme/app/environments/production/secrets/PEM_KEY 204"),
                calls);
    }

    @Test
    void secretSetIntoAMissingEnvironmentFails() throws Exception {
        GhCli.Result result = gh.run("v", "secret", "set", "X", "--env", "staging", "-R", REPO);
        assertEquals(1, result.exit());
        assertTrue(result.stderr().contains("failed to fetch public key: HTTP 404"), result.stderr());
    }

    @Test
    void secretDelete() throws Exception {
        ok(gh.run("v", "secret", "set", "GONE", "--env", "production", "-R", REPO));
        ok(gh.run(null, "secret", "delete", "GONE", "--env", "production", "-R", REPO));
        assertFalse(secretsInState().has("GONE"));
        assertEquals(
                1,
                gh.run(null, "secret", "delete", "GONE", "--env", "production", "-R", REPO)
                        .exit());
    }

    @Test
    void manySecretsFromDotenvAndPaginatedListing() throws Exception {
        // gh sets each secret of -f from its own goroutine: 120 concurrent connections.
        String dotenv = IntStream.range(0, 120)
                .mapToObj(i -> String.format("S%03d=value %d", i, i))
                .collect(Collectors.joining("\n", "", "\n"));
        ok(gh.run(dotenv, "secret", "set", "-f", "-", "--env", "production", "-R", REPO));
        assertEquals(120, secretsInState().size());
        assertEquals("value 7", secretsInState().at("/S007/value").asText());

        GhCli.Result listed = ok(gh.run(null, "api", "--paginate", ENV_PATH + "/secrets"));
        List<JsonNode> pages = pages(listed.stdout());
        assertEquals(2, pages.size());
        List<String> names = new ArrayList<>();
        pages.forEach(p -> p.get("secrets").forEach(s -> names.add(s.get("name").asText())));
        assertEquals(
                IntStream.range(0, 120).mapToObj(i -> String.format("S%03d", i)).collect(Collectors.toList()), names);

        long repoId = emulatorRepoId();
        List<String> paths =
                requestLog().stream().map(r -> r.get("path").asText()).collect(Collectors.toList());
        assertTrue(paths.contains("/" + ENV_PATH + "/secrets?per_page=100"), "gh --paginate asks per_page=100");
        assertTrue(
                paths.contains("/repositories/" + repoId + "/environments/production/secrets?per_page=100&page=2"),
                "gh followed the Link header: " + paths);

        // gh 2.23.0's own `secret list --env` also follows the Link header.
        GhCli.Result secretList = ok(gh.run(null, "secret", "list", "--env", "production", "-R", REPO));
        assertEquals(120, secretList.stdout().lines().count());
    }

    private long emulatorRepoId() throws IOException {
        return stateJson().at("/repos/acme~1app/id").asLong();
    }

    @Test
    void variablesThroughGhApi() throws Exception {
        GhCli.Result created = ok(gh.run(
                null,
                "api",
                "--method",
                "POST",
                ENV_PATH + "/variables",
                "-f",
                "name=region",
                "-f",
                "value=eu-west-1"));
        assertEquals("{}", created.stdout().trim());
        ok(gh.run(
                "{\"name\":\"TIER\",\"value\":\"gold\"}",
                "api",
                "--method",
                "POST",
                ENV_PATH + "/variables",
                "--input",
                "-")); // sent chunked by gh
        GhCli.Result duplicate =
                gh.run(null, "api", "--method", "POST", ENV_PATH + "/variables", "-f", "name=REGION", "-f", "value=x");
        assertEquals(1, duplicate.exit());
        assertTrue(duplicate.stderr().contains("(HTTP 409)"), duplicate.stderr());

        ok(gh.run(null, "api", "--method", "PATCH", ENV_PATH + "/variables/REGION", "-f", "value=us-east-1"));
        JsonNode region = Json.MAPPER.readTree(
                ok(gh.run(null, "api", ENV_PATH + "/variables/region")).stdout());
        assertEquals("us-east-1", region.get("value").asText());
        GhCli.Result missing = gh.run(null, "api", "--method", "PATCH", ENV_PATH + "/variables/NOPE", "-f", "value=x");
        assertEquals(1, missing.exit());
        assertTrue(missing.stderr().contains("Not Found (HTTP 404)"), missing.stderr());

        for (int i = 0; i < 33; i++) {
            ok(gh.run(
                    null, "api", "--method", "POST", ENV_PATH + "/variables", "-f", "name=V" + i, "-f", "value=" + i));
        }
        List<JsonNode> pages = pages(
                ok(gh.run(null, "api", "--paginate", ENV_PATH + "/variables")).stdout());
        assertEquals(2, pages.size(), "35 variables at most 30 a page");
        List<String> names = new ArrayList<>();
        pages.forEach(
                p -> p.get("variables").forEach(v -> names.add(v.get("name").asText())));
        assertEquals(35, names.size());
        assertTrue(names.containsAll(List.of("REGION", "TIER", "V0", "V32")));

        ok(gh.run(null, "api", "--method", "DELETE", ENV_PATH + "/variables/TIER"));
        assertFalse(stateJson()
                .at("/repos/acme~1app/environments/production/variables")
                .has("TIER"));
        assertEquals(
                "us-east-1",
                stateJson()
                        .at("/repos/acme~1app/environments/production/variables/REGION/value")
                        .asText());
    }

    @Test
    void graphqlDatabaseId() throws Exception {
        GhCli.Result result = ok(
                gh.run(
                        null,
                        "api",
                        "graphql",
                        "-F",
                        "owner=acme",
                        "-F",
                        "name=app",
                        "-f",
                        "query=query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { databaseId } }"));
        assertEquals(
                emulatorRepoId(),
                Json.MAPPER
                        .readTree(result.stdout())
                        .at("/data/repository/databaseId")
                        .asLong());
        GhCli.Result other = gh.run(null, "api", "graphql", "-f", "query={ viewer { login } }");
        assertEquals(1, other.exit());
        assertTrue(other.stderr().contains("not emulated"), other.stderr());
    }

    @Test
    void failingSecretMakesGhExit1ThenSucceeds() throws Exception {
        writeFaults("{\"fail_secret\": {\"FLAKY\": 1}}");
        GhCli.Result failed = gh.run("v", "secret", "set", "FLAKY", "--env", "production", "-R", REPO);
        assertEquals(1, failed.exit());
        assertTrue(failed.stderr().contains("HTTP 500"), failed.stderr());
        assertFalse(secretsInState().has("FLAKY"));
        ok(gh.run("v", "secret", "set", "FLAKY", "--env", "production", "-R", REPO));
        assertEquals("v", secretsInState().at("/FLAKY/value").asText());
    }

    @Test
    void oneFailingSecretOfADotenvBatchIsAPartialSuccess() throws Exception {
        writeFaults("{\"fail_secret\": {\"B\": 1}}");
        GhCli.Result result = gh.run("A=1\nB=2\nC=3\n", "secret", "set", "-f", "-", "--env", "production", "-R", REPO);
        assertEquals(1, result.exit());
        assertTrue(result.stderr().contains("failed to set secret \"B\": HTTP 500"), result.stderr());
        assertTrue(secretsInState().has("A")
                && secretsInState().has("C")
                && !secretsInState().has("B"));
    }

    /**
     * A 401 from the API makes gh 2.23.0 exit 1 (with a hint), not 4: exit 4 is only for "no
     * credentials configured at all", decided before any request (see next test).
     */
    @Test
    void unauthorizedMakesGhExit1WithAnAuthHint() throws Exception {
        writeFaults("{\"unauthorized\": true}");
        GhCli.Result set = gh.run("v", "secret", "set", "X", "--env", "production", "-R", REPO);
        assertEquals(1, set.exit());
        assertTrue(set.stderr().contains("HTTP 401: Bad credentials"), set.stderr());
        assertTrue(set.stderr().contains("gh auth login"), set.stderr());
        GhCli.Result api = gh.run(null, "api", ENV_PATH);
        assertEquals(1, api.exit());
        assertTrue(api.stderr().contains("gh: Bad credentials (HTTP 401)"), api.stderr());
    }

    @Test
    void noCredentialsMakesGhExit4WithoutARequest() throws Exception {
        Path config = dir.resolve("no-token");
        Files.createDirectories(config);
        Files.copy(dir.resolve("gh-config/config.yml"), config.resolve("config.yml"));
        long before = requestLog().size();
        GhCli.Result result = new GhCli(config, dir.resolve("work"))
                .run("v", "secret", "set", "X", "--env", "production", "-R", REPO);
        assertEquals(4, result.exit());
        assertEquals(before, requestLog().size());
    }

    @Test
    void rateLimitedMakesGhExit1WithTheMessage() throws Exception {
        writeFaults("{\"rate_limited\": true}");
        GhCli.Result set = gh.run("v", "secret", "set", "X", "--env", "production", "-R", REPO);
        assertEquals(1, set.exit());
        assertTrue(set.stderr().contains("API rate limit exceeded for user ID 1."), set.stderr());
        GhCli.Result api = gh.run(null, "api", "-i", ENV_PATH);
        assertEquals(1, api.exit());
        assertTrue(api.stdout().contains("X-Ratelimit-Remaining: 0"), api.stdout());
        assertTrue(api.stderr().contains("gh: API rate limit exceeded for user ID 1. (HTTP 403)"), api.stderr());
    }
}

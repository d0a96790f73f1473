package dev.spectral.it.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API in-process (no socket): routes, status codes, bodies, state, faults, log. */
class GitHubApiTest {
    private static final String ENV = "/repos/acme/app/environments/production";
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    private EmulatorClock clock;
    private GitHubApi api;

    @BeforeEach
    void setUp() throws IOException {
        clock = new EmulatorClock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        api = GitHubApi.forStateDir(dir, clock);
    }

    private HttpResponse call(String method, String target, String body) {
        HttpHeaders headers = new HttpHeaders().add("Authorization", "token test-token");
        return api.handle(new HttpRequest(
                method,
                target,
                "HTTP/1.1",
                headers,
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode json(HttpResponse response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }

    private JsonNode state() throws IOException {
        return Json.MAPPER.readTree(dir.resolve("state.json").toFile());
    }

    private String putSecret(String name, String value) throws IOException {
        JsonNode key = json(call("GET", ENV + "/secrets/public-key", null));
        byte[] sealed = SealedBox.seal(
                value.getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode(key.get("key").asText()),
                RANDOM);
        return putRaw(
                name,
                Base64.getEncoder().encodeToString(sealed),
                key.get("key_id").asText());
    }

    private String putRaw(String name, String encrypted, String keyId) {
        HttpResponse r = call(
                "PUT",
                ENV + "/secrets/" + name,
                "{\"encrypted_value\":\"" + encrypted + "\",\"key_id\":\"" + keyId + "\"}");
        return Integer.toString(r.status());
    }

    @Test
    void requiresAnAuthorizationHeader() throws IOException {
        HttpResponse r =
                api.handle(new HttpRequest("GET", "/repos/acme/app", "HTTP/1.1", new HttpHeaders(), new byte[0]));
        assertEquals(401, r.status());
        assertEquals("Requires authentication", json(r).get("message").asText());
        assertEquals(
                "https://docs.github.com/rest", json(r).get("documentation_url").asText());
        HttpHeaders bearer = new HttpHeaders().add("Authorization", "Bearer abc");
        assertEquals(
                200,
                api.handle(new HttpRequest("GET", "/repos/acme/app", "HTTP/1.1", bearer, new byte[0]))
                        .status());
        HttpHeaders basic = new HttpHeaders().add("Authorization", "Basic abc");
        assertEquals(
                401,
                api.handle(new HttpRequest("GET", "/repos/acme/app", "HTTP/1.1", basic, new byte[0]))
                        .status());
    }

    @Test
    void repositoryIsCreatedOnFirstUse() throws IOException {
        JsonNode repo = json(call("GET", "/repos/acme/app", null));
        assertEquals("app", repo.get("name").asText());
        assertEquals("acme/app", repo.get("full_name").asText());
        assertEquals("acme", repo.at("/owner/login").asText());
        long id = repo.get("id").asLong();
        assertEquals(id, json(call("GET", "/repos/ACME/App", null)).get("id").asLong(), "names are case-insensitive");
        assertEquals(id, state().at("/repos/acme~1app/id").asLong());
        assertEquals(404, call("GET", "/repositories/999", null).status());
        assertEquals(404, call("GET", "/nothing/here", null).status());
    }

    @Test
    void environmentsAre404UntilPut() throws IOException {
        assertEquals(404, call("GET", ENV, null).status());
        assertEquals(404, call("GET", ENV + "/secrets/public-key", null).status());
        HttpResponse created = call("PUT", ENV, null);
        assertEquals(200, created.status());
        assertEquals("production", json(created).get("name").asText());
        assertEquals("2026-01-01T00:00:00Z", json(created).get("created_at").asText());
        assertEquals(json(created).get("id"), json(call("PUT", ENV, "{}")).get("id"), "PUT is idempotent");
        assertEquals(
                200,
                call("GET", "/repos/acme/app/environments/PRODUCTION", null).status());
        assertTrue(state().at("/repos/acme~1app/environments/production").isObject());
    }

    @Test
    void secretsAreDecryptedStoredAndListed() throws IOException {
        call("PUT", ENV, null);
        JsonNode key = json(call("GET", ENV + "/secrets/public-key", null));
        assertEquals(32, Base64.getDecoder().decode(key.get("key").asText()).length);
        assertEquals(key, json(call("GET", ENV + "/secrets/public-key", null)), "one key pair per environment");

        assertEquals("201", putSecret("db_password", "first\nvalue"));
        clock.advance(Duration.ofMinutes(5));
        assertEquals("204", putSecret("DB_PASSWORD", "second"));
        JsonNode stored = state().at("/repos/acme~1app/environments/production/secrets/DB_PASSWORD");
        assertEquals("second", stored.get("value").asText());
        assertEquals("2026-01-01T00:00:01Z", stored.get("created_at").asText());
        assertEquals("2026-01-01T00:05:00Z", stored.get("updated_at").asText());

        JsonNode one = json(call("GET", ENV + "/secrets/db_password", null));
        assertEquals("DB_PASSWORD", one.get("name").asText());
        assertFalse(one.has("value"), "secrets are write-only");
        JsonNode list = json(call("GET", ENV + "/secrets", null));
        assertEquals(1, list.get("total_count").asInt());
        assertEquals("DB_PASSWORD", list.at("/secrets/0/name").asText());

        assertEquals(204, call("DELETE", ENV + "/secrets/Db_Password", null).status());
        assertEquals(404, call("DELETE", ENV + "/secrets/DB_PASSWORD", null).status());
        assertEquals(404, call("GET", ENV + "/secrets/DB_PASSWORD", null).status());
    }

    @Test
    void writesNeverShareASecond() throws IOException {
        call("PUT", ENV, null);
        putSecret("A", "1");
        putSecret("B", "2");
        putSecret("C", "3");
        JsonNode secrets = state().at("/repos/acme~1app/environments/production/secrets");
        assertEquals("2026-01-01T00:00:01Z", secrets.at("/A/updated_at").asText());
        assertEquals("2026-01-01T00:00:02Z", secrets.at("/B/updated_at").asText());
        assertEquals("2026-01-01T00:00:03Z", secrets.at("/C/updated_at").asText());
    }

    @Test
    void badBoxesAndBadRequestsAreRejected() throws IOException {
        call("PUT", ENV, null);
        JsonNode key = json(call("GET", ENV + "/secrets/public-key", null));
        String keyId = key.get("key_id").asText();
        byte[] sealed = SealedBox.seal(
                "x".getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode(key.get("key").asText()),
                RANDOM);
        sealed[40] ^= 1;
        assertEquals("422", putRaw("X", Base64.getEncoder().encodeToString(sealed), keyId));
        assertEquals("422", putRaw("X", "not base64!", keyId));
        assertEquals("422", putRaw("X", Base64.getEncoder().encodeToString(new byte[10]), keyId));
        assertEquals("422", putRaw("X", "AAAA", "wrong-key-id"));
        assertEquals(400, call("PUT", ENV + "/secrets/X", "not json").status());
        assertEquals(422, call("PUT", ENV + "/secrets/X", "{}").status());
        assertEquals("422", putSecret("1BAD", "v"));
        assertEquals("422", putSecret("GITHUB_TOKEN", "v"));
        assertEquals("422", putSecret("TOO_BIG", "x".repeat(48 * 1024 + 1)));
        assertFalse(state().at("/repos/acme~1app/environments/production/secrets")
                .fieldNames()
                .hasNext());
    }

    @Test
    void variablesLifecycle() throws IOException {
        assertEquals(
                404,
                call("POST", ENV + "/variables", "{\"name\":\"A\",\"value\":\"1\"}")
                        .status());
        call("PUT", ENV, null);
        assertEquals(
                201,
                call("POST", ENV + "/variables", "{\"name\":\"region\",\"value\":\"eu\"}")
                        .status());
        assertEquals(
                409,
                call("POST", ENV + "/variables", "{\"name\":\"REGION\",\"value\":\"us\"}")
                        .status());
        assertEquals(422, call("POST", ENV + "/variables", "{\"name\":\"X\"}").status());
        JsonNode one = json(call("GET", ENV + "/variables/Region", null));
        assertEquals("REGION", one.get("name").asText());
        assertEquals("eu", one.get("value").asText());

        assertEquals(
                204,
                call("PATCH", ENV + "/variables/region", "{\"value\":\"us\"}").status());
        assertEquals(
                "us",
                json(call("GET", ENV + "/variables/REGION", null)).get("value").asText());
        assertEquals(
                404, call("PATCH", ENV + "/variables/NOPE", "{\"value\":\"x\"}").status());
        assertEquals(
                204,
                call("PATCH", ENV + "/variables/REGION", "{\"name\":\"zone\"}").status());
        assertEquals(404, call("GET", ENV + "/variables/REGION", null).status());
        assertEquals(
                "us",
                json(call("GET", ENV + "/variables/ZONE", null)).get("value").asText());
        assertEquals(
                "us",
                state().at("/repos/acme~1app/environments/production/variables/ZONE/value")
                        .asText());

        assertEquals(204, call("DELETE", ENV + "/variables/zone", null).status());
        assertEquals(404, call("DELETE", ENV + "/variables/zone", null).status());
    }

    @Test
    void variableListsPaginateWithGitHubsLinkForm() throws IOException {
        call("PUT", ENV, null);
        for (int i = 0; i < 35; i++) {
            call("POST", ENV + "/variables", String.format("{\"name\":\"V%02d\",\"value\":\"%d\"}", i, i));
        }
        HttpResponse first = call("GET", ENV + "/variables", null);
        assertEquals(35, json(first).get("total_count").asInt());
        assertEquals(10, json(first).get("variables").size(), "default per_page is 10");
        long repoId = json(call("GET", "/repos/acme/app", null)).get("id").asLong();
        String base = "https://api.github.com/repositories/" + repoId + "/environments/production/variables";
        assertEquals(
                "<" + base + "?per_page=10&page=2>; rel=\"next\", <" + base + "?per_page=10&page=4>; rel=\"last\"",
                first.headers().first("Link").orElseThrow());

        // Follow the links the way gh does, through the /repositories/{id} form.
        // per_page=100 (what gh --paginate asks for) is capped at 30.
        List<String> names = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String next = "/repos/acme/app/environments/production/variables?per_page=100";
        while (next != null) {
            HttpResponse page = call("GET", next, null);
            assertEquals(200, page.status());
            json(page).get("variables").forEach(v -> names.add(v.get("name").asText()));
            sizes.add(json(page).get("variables").size());
            next = page.headers().first("Link").map(GitHubApiTest::nextPath).orElse(null);
        }
        assertEquals(List.of(30, 5), sizes);
        assertEquals(35, names.size());
        assertEquals("V00", names.get(0));
        assertEquals("V34", names.get(34));
    }

    private static String nextPath(String link) {
        for (String part : link.split(",")) {
            if (part.contains("rel=\"next\"")) {
                String url = part.substring(part.indexOf('<') + 1, part.indexOf('>'));
                return url.substring("https://api.github.com".length());
            }
        }
        return null;
    }

    @Test
    void secretListsDefaultTo30AndCapAt100() throws IOException {
        call("PUT", ENV, null);
        for (int i = 0; i < 120; i++) {
            putSecret(String.format("S%03d", i), "v");
        }
        JsonNode first = json(call("GET", ENV + "/secrets", null));
        assertEquals(120, first.get("total_count").asInt());
        assertEquals(30, first.get("secrets").size());
        HttpResponse big = call("GET", ENV + "/secrets?per_page=500&page=2", null);
        assertEquals(20, json(big).get("secrets").size());
        assertEquals("S100", json(big).at("/secrets/0/name").asText());
        assertTrue(big.headers().first("Link").orElseThrow().contains("per_page=100&page=1>; rel=\"prev\""));
    }

    @Test
    void failSecretFaultCountsDown() throws IOException {
        call("PUT", ENV, null);
        Files.writeString(dir.resolve("faults.json"), "{\"fail_secret\": {\"flaky\": 2, \"OTHER\": 1}}");
        assertEquals("500", putSecret("FLAKY", "v"));
        assertEquals(
                1,
                Json.MAPPER
                        .readTree(dir.resolve("faults.json").toFile())
                        .at("/fail_secret/flaky")
                        .asInt());
        assertEquals("500", putSecret("FLAKY", "v"));
        assertFalse(Json.MAPPER
                .readTree(dir.resolve("faults.json").toFile())
                .at("/fail_secret")
                .has("flaky"));
        assertEquals("201", putSecret("FLAKY", "v"));
        assertEquals("201", putSecret("UNRELATED", "v"));
    }

    @Test
    void unauthorizedAndRateLimitedFaults() throws IOException {
        Files.writeString(dir.resolve("faults.json"), "{\"unauthorized\": true}");
        HttpResponse unauthorized = call("GET", "/repos/acme/app", null);
        assertEquals(401, unauthorized.status());
        assertEquals("Bad credentials", json(unauthorized).get("message").asText());

        Files.writeString(dir.resolve("faults.json"), "{\"rate_limited\": true}");
        HttpResponse limited = call("GET", "/repos/acme/app", null);
        assertEquals(403, limited.status());
        assertEquals(
                "API rate limit exceeded for user ID 1.",
                json(limited).get("message").asText());
        assertEquals("0", limited.headers().first("X-RateLimit-Remaining").orElseThrow());
        assertEquals(
                Long.toString(Instant.parse("2026-01-01T01:00:00Z").getEpochSecond()),
                limited.headers().first("X-RateLimit-Reset").orElseThrow());

        Files.writeString(dir.resolve("faults.json"), "{oops");
        assertEquals(500, call("GET", "/repos/acme/app", null).status());
        Files.delete(dir.resolve("faults.json"));
        assertEquals(200, call("GET", "/repos/acme/app", null).status());
    }

    @Test
    void clockFileOffsetsTimestamps() throws IOException {
        Files.writeString(dir.resolve("clock.json"), "{\"offset_seconds\": 86400}");
        assertEquals(
                "2026-01-02T00:00:00Z",
                json(call("PUT", ENV, null)).get("created_at").asText());
    }

    @Test
    void graphqlAnswersDatabaseIdOnly() throws IOException {
        long id = json(call("GET", "/repos/acme/app", null)).get("id").asLong();
        String withVariables = "{\"query\":\"query RepositoryInfo($owner: String!, $name: String!) "
                + "{ repository(owner: $owner, name: $name) { databaseId } }\","
                + "\"variables\":{\"owner\":\"acme\",\"name\":\"app\"}}";
        assertEquals(
                id,
                json(call("POST", "/graphql", withVariables))
                        .at("/data/repository/databaseId")
                        .asLong());
        String literal = "{\"query\":\"{ repository(owner: \\\"acme\\\", name: \\\"app\\\") { databaseId } }\"}";
        assertEquals(
                id,
                json(call("POST", "/graphql", literal))
                        .at("/data/repository/databaseId")
                        .asLong());
        JsonNode other = json(call("POST", "/graphql", "{\"query\":\"{ viewer { login } }\"}"));
        assertEquals("not emulated", other.at("/errors/0/message").asText());
    }

    @Test
    void stateSurvivesARestart() throws IOException {
        call("PUT", ENV, null);
        putSecret("KEEP", "kept value");
        call("POST", ENV + "/variables", "{\"name\":\"V\",\"value\":\"x\"}");
        JsonNode keyBefore = json(call("GET", ENV + "/secrets/public-key", null));

        GitHubApi restarted = GitHubApi.forStateDir(dir, clock);
        api = restarted;
        assertEquals(keyBefore, json(call("GET", ENV + "/secrets/public-key", null)), "same key after restart");
        assertEquals(
                "KEEP",
                json(call("GET", ENV + "/secrets", null)).at("/secrets/0/name").asText());
        assertEquals("204", putSecret("KEEP", "new"));
        JsonNode secret = state().at("/repos/acme~1app/environments/production/secrets/KEEP");
        assertTrue(
                secret.get("updated_at").asText().compareTo("2026-01-01T00:00:03Z") >= 0,
                "writes after a restart come after the loaded stamps");
        assertEquals(200, call("PUT", "/repos/other/repo/environments/e", null).status());
        assertTrue(
                json(call("GET", "/repos/other/repo", null)).get("id").asLong()
                        > json(call("GET", "/repos/acme/app", null)).get("id").asLong(),
                "ids do not clash after a restart");
    }

    @Test
    void aSeededStateFileMayLeaveOutIdsAndTimestamps() throws IOException {
        Files.writeString(
                dir.resolve("state.json"),
                "{\"repos\": {"
                        + "\"seed/first\": {\"environments\": {\"prod\": {\"secrets\": {\"token\": {\"value\": \"s\"}},"
                        + " \"variables\": {\"region\": {\"value\": \"eu\"}}}}},"
                        + "\"seed/second\": {\"id\": 100000001}}}");
        api = GitHubApi.forStateDir(dir, clock);
        long first = json(call("GET", "/repos/seed/first", null)).get("id").asLong();
        long second = json(call("GET", "/repos/seed/second", null)).get("id").asLong();
        assertEquals(100000001L, second);
        assertTrue(first > second, "a missing id never takes one the file gives");
        JsonNode env = json(call("GET", "/repos/seed/first/environments/PROD", null));
        assertTrue(env.get("id").asLong() != first && env.get("id").asLong() != second);
        assertEquals(
                "2026-01-01T00:00:00Z",
                json(call("GET", "/repos/seed/first/environments/prod/secrets/TOKEN", null))
                        .get("updated_at")
                        .asText());
        assertEquals(
                "eu",
                json(call("GET", "/repos/seed/first/environments/prod/variables/REGION", null))
                        .get("value")
                        .asText());
        assertEquals(
                201,
                call("POST", "/repos/seed/first/environments/prod/variables", "{\"name\":\"N\",\"value\":\"v\"}")
                        .status());
        JsonNode saved = state().at("/repos/seed~1first/environments/prod/secrets/TOKEN");
        assertEquals("s", saved.get("value").asText());
        assertEquals("2026-01-01T00:00:00Z", saved.get("created_at").asText());
    }

    @Test
    void nonUtf8SecretsAreStoredAsBase64() throws IOException {
        call("PUT", ENV, null);
        JsonNode key = json(call("GET", ENV + "/secrets/public-key", null));
        byte[] raw = {(byte) 0xff, 0, (byte) 0xfe};
        byte[] sealed =
                SealedBox.seal(raw, Base64.getDecoder().decode(key.get("key").asText()), RANDOM);
        assertEquals(
                "201",
                putRaw(
                        "BIN",
                        Base64.getEncoder().encodeToString(sealed),
                        key.get("key_id").asText()));
        assertEquals(
                "/wD+",
                state().at("/repos/acme~1app/environments/production/secrets/BIN/value_base64")
                        .asText());
        assertEquals(
                "204",
                putRaw(
                        "BIN",
                        Base64.getEncoder().encodeToString(sealed),
                        key.get("key_id").asText()));
    }

    @Test
    void logsOneLinePerRequestWithoutBodies() throws IOException {
        call("PUT", ENV, null);
        putSecret("LOGGED", "very-secret-value");
        call("GET", ENV + "/secrets?per_page=5&page=2", null);
        List<String> lines = Files.readAllLines(dir.resolve("requests.log"));
        assertEquals(4, lines.size());
        JsonNode put = Json.MAPPER.readTree(lines.get(2));
        assertEquals("PUT", put.get("method").asText());
        assertEquals(ENV + "/secrets/LOGGED", put.get("path").asText());
        assertEquals(201, put.get("status").asInt());
        assertEquals(
                ENV + "/secrets?per_page=5&page=2",
                Json.MAPPER.readTree(lines.get(3)).get("path").asText());
        assertFalse(Files.readString(dir.resolve("requests.log")).contains("encrypted_value"));
    }
}

package dev.spectral.it.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real gh (Debian's 2.23.0) against the emulator with GitHub's rate limits switched on, on
 * a clock 60 times faster (a minute's window is a second). Pins what gh prints when it is
 * throttled: it neither waits nor retries.
 */
class RealGhLimitsTest {
    private static final String REPO = "acme/app";
    private static final String ENV_PATH = "repos/acme/app/environments/production";
    private static final String SECONDARY = "You have exceeded a secondary rate limit. Please wait a few minutes before"
            + " you try again. If you reach out to GitHub Support for help, please include the request ID ";
    private static final String REQUEST_ID = "[0-9A-F]{4}:[0-9A-F]{4}:[0-9A-F]{6}:[0-9A-F]{6}:[0-9A-F]{8}";

    @TempDir
    Path dir;

    private Path state;
    private Emulator emulator;
    private GhCli gh;

    @BeforeAll
    static void requireGh() {
        assertTrue(GhCli.onPath(), "gh is not on PATH: install it (apt-get install -y gh), as .ci/run does");
    }

    /** Starts the emulator with these command-line options (as Main parses them) and creates the environment. */
    private void start(String... limitOptions) throws Exception {
        launch(limitOptions);
        ok(gh.run(null, "api", "--method", "PUT", ENV_PATH));
    }

    private void launch(String... limitOptions) throws Exception {
        state = dir.resolve("state");
        Path socket = dir.resolve("gh.sock");
        List<String> args = new ArrayList<>(
                List.of("--socket", socket.toString(), "--state", state.toString(), "--idle-timeout-seconds", "0"));
        args.addAll(List.of(limitOptions));
        emulator = Emulator.start(EmulatorOptions.parse(args.toArray(new String[0])));
        Path config = dir.resolve("gh-config");
        GhConfig.write(config, socket);
        gh = new GhCli(config, Files.createDirectories(dir.resolve("work")));
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

    private JsonNode secretsInState() throws IOException {
        return Json.MAPPER
                .readTree(state.resolve("state.json").toFile())
                .at("/repos/acme~1app/environments/production/secrets");
    }

    private List<JsonNode> requestLog() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(state.resolve("requests.log"))) {
            out.add(Json.MAPPER.readTree(line));
        }
        return out;
    }

    private static String dotenv(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> String.format("S%03d=value %d", i, i))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** The names in gh's "failed to set secret" lines, each checked to be a secondary-limit refusal. */
    private static Set<String> throttledNames(String stderr) {
        Set<String> names = new TreeSet<>();
        Pattern line = Pattern.compile("\t\\* failed to set secret \"(S\\d{3})\": HTTP 403: " + Pattern.quote(SECONDARY)
                + REQUEST_ID + "\\. \\(https://api\\.github\\.com/" + Pattern.quote(ENV_PATH) + "/secrets/\\1\\)");
        for (String text : stderr.split("\n")) {
            if (text.startsWith("\t* ")) {
                Matcher m = line.matcher(text);
                assertTrue(m.matches(), "unexpected error line: " + text);
                names.add(m.group(1));
            }
        }
        return names;
    }

    /**
     * 40 writes of 5 points against 100 points a (1 s) minute: 20 go through, 20 are refused,
     * gh reports each refused one and exits 1. The refused ones are set after Retry-After.
     */
    @Test
    void bulkSecretSetMeetsTheSecondaryLimit() throws Exception {
        start("--limits", "--points-per-minute", "100", "--clock-scale", "60");
        Thread.sleep(1100); // the environment PUT leaves the window (another endpoint anyway)
        GhCli.Result result = gh.run(dotenv(40), "secret", "set", "-f", "-", "--env", "production", "-R", REPO);
        assertEquals(1, result.exit(), result.stderr());
        assertEquals("", result.stdout());
        Set<String> throttled = throttledNames(result.stderr());
        List<String> throttledInLog = requestLog().stream()
                .filter(r -> "secondary".equals(r.path("throttled").asText(null)))
                .map(r -> r.get("path").asText().replaceAll(".*/", ""))
                .sorted()
                .collect(Collectors.toList());
        assertEquals(new ArrayList<>(throttled), throttledInLog);
        assertTrue(result.stderr().startsWith(throttled.size() + " errors occurred:\n"), result.stderr());
        assertTrue(result.stderr().endsWith(")\n\n\n"), result.stderr());
        assertEquals(40, secretsInState().size() + throttled.size(), "each secret stored or refused");
        // All 40 arrive within the 1 s window, so exactly 100 points' worth get through.
        assertEquals(20, throttled.size(), result.stderr());
        requestLog().stream()
                .filter(r -> r.has("throttled"))
                .forEach(r -> assertEquals("points", r.get("limit").asText()));

        Thread.sleep(1100); // Retry-After: 1
        String retry = throttled.stream().map(n -> n + "=again").collect(Collectors.joining("\n", "", "\n"));
        ok(gh.run(retry, "secret", "set", "-f", "-", "--env", "production", "-R", REPO));
        assertEquals(40, secretsInState().size());
        JsonNode report = Json.MAPPER.readTree(emulator.limitsReport());
        assertEquals(20, report.get("throttled_secondary").asInt());
        assertEquals(
                100,
                report.at("/endpoints/PUT ~1repos~1{owner}~1{repo}~1environments~1{environment_name}"
                                + "~1secrets~1{secret_name}/max_points_in_window")
                        .asInt());
    }

    @Test
    void singleSecretSetAndGhApiWhenThrottled() throws Exception {
        start("--limits", "--points-per-minute", "5", "--clock-scale", "60");
        Thread.sleep(1100);
        ok(gh.run("v", "secret", "set", "ONE", "--env", "production", "-R", REPO));
        GhCli.Result set = gh.run("v", "secret", "set", "TWO", "--env", "production", "-R", REPO);
        assertEquals(1, set.exit());
        assertTrue(
                set.stderr()
                        .matches("1 error occurred:\n\t\\* failed to set secret \"TWO\": HTTP 403: "
                                + Pattern.quote(SECONDARY) + REQUEST_ID + "\\. \\(https://api\\.github\\.com/"
                                + ENV_PATH
                                + "/secrets/TWO\\)\n\n\n"),
                set.stderr());

        ok(gh.run(null, "api", "--method", "POST", ENV_PATH + "/variables", "-f", "name=A", "-f", "value=1"));
        GhCli.Result post =
                gh.run(null, "api", "--method", "POST", ENV_PATH + "/variables", "-f", "name=B", "-f", "value=2");
        assertEquals(1, post.exit());
        assertTrue(
                post.stderr().matches("gh: " + Pattern.quote(SECONDARY) + REQUEST_ID + "\\. \\(HTTP 403\\)\n"),
                post.stderr());
        JsonNode body = Json.MAPPER.readTree(post.stdout());
        assertTrue(body.get("message").asText().startsWith(SECONDARY), post.stdout());
        assertEquals(
                ApiException.SECONDARY_RATE_LIMIT_URL,
                body.get("documentation_url").asText());

        // gh api --include prints the status line and headers of an error response too.
        GhCli.Result included = gh.run(
                null, "api", "--include", "--method", "POST", ENV_PATH + "/variables", "-f", "name=B", "-f", "value=2");
        assertEquals(1, included.exit());
        assertTrue(included.stdout().startsWith("HTTP/1.1 403 Forbidden\n"), included.stdout());
        assertTrue(included.stdout().contains("\nRetry-After: 1\r\n"), included.stdout());
        assertTrue(included.stdout().contains("\nX-Ratelimit-Remaining: "), included.stdout());
        assertTrue(included.stdout().contains("\nX-Github-Request-Id: "), included.stdout());

        ok(gh.run(null, "api", "--method", "PATCH", ENV_PATH + "/variables/A", "-f", "value=3"));
        GhCli.Result patch = gh.run(null, "api", "--method", "PATCH", ENV_PATH + "/variables/A", "-f", "value=4");
        assertEquals(1, patch.exit());
        assertTrue(patch.stderr().startsWith("gh: " + SECONDARY), patch.stderr());
        ok(gh.run(null, "api", "--method", "DELETE", ENV_PATH + "/variables/A"));
        GhCli.Result delete = gh.run(null, "api", "--method", "DELETE", ENV_PATH + "/variables/A");
        assertEquals(1, delete.exit());
        assertTrue(delete.stderr().startsWith("gh: " + SECONDARY), delete.stderr());
    }

    /** --paginate prints the pages it got, then the error body, back to back; exit 1. */
    @Test
    void paginateStopsAtAThrottledPage() throws Exception {
        // Seeded with 120 secrets: the environment need not be PUT (5 points would not fit into 1).
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            lines.add(String.format("\"S%03d\": {\"value\": \"v\"}", i));
        }
        Files.createDirectories(dir.resolve("state"));
        Files.writeString(
                dir.resolve("state/state.json"),
                "{\"repos\":{\"acme/app\":{\"environments\":" + "{\"production\":{\"secrets\":{"
                        + String.join(",", lines) + "}}}}}}");
        launch("--limits", "--points-per-minute", "1");
        GhCli.Result result = gh.run(null, "api", "--paginate", ENV_PATH + "/secrets");
        assertEquals(1, result.exit());
        List<JsonNode> documents = new ArrayList<>();
        try (com.fasterxml.jackson.databind.MappingIterator<JsonNode> it =
                Json.MAPPER.readerFor(JsonNode.class).readValues(result.stdout())) {
            documents.addAll(it.readAll());
        }
        assertEquals(2, documents.size(), result.stdout());
        assertEquals(100, documents.get(0).get("secrets").size());
        assertTrue(documents.get(1).get("message").asText().startsWith(SECONDARY));
        assertTrue(
                result.stderr().matches("gh: " + Pattern.quote(SECONDARY) + REQUEST_ID + "\\. \\(HTTP 403\\)\n"),
                result.stderr());
    }

    /** Few requests in flight and a latency: gh's concurrent writes meet the in-flight limit. */
    @Test
    void bulkSecretSetMeetsTheInFlightLimit() throws Exception {
        start("--limits", "--max-in-flight", "5", "--latency-ms", "300", "--clock-scale", "60");
        GhCli.Result result = gh.run(dotenv(40), "secret", "set", "-f", "-", "--env", "production", "-R", REPO);
        assertEquals(1, result.exit());
        Set<String> throttled = throttledNames(result.stderr());
        assertTrue(throttled.size() >= 1, result.stderr());
        assertEquals(40, secretsInState().size() + throttled.size());
        requestLog().stream()
                .filter(r -> r.has("throttled"))
                .forEach(r -> assertEquals("in_flight", r.get("limit").asText()));
        JsonNode report = Json.MAPPER.readTree(emulator.limitsReport());
        assertTrue(report.get("max_in_flight_seen").asInt() <= 5, report.toString());
        assertEquals(
                throttled.size(), report.get("throttled_secondary_in_flight").asInt());
    }

    @Test
    void primaryLimitExhausted() throws Exception {
        start("--limits", "--primary-limit", "3");
        ok(gh.run(null, "api", ENV_PATH));
        GhCli.Result last = ok(gh.run(null, "api", "--include", ENV_PATH));
        assertTrue(last.stdout().contains("\nX-Ratelimit-Remaining: 0\r\n"), last.stdout());
        GhCli.Result set = gh.run("v", "secret", "set", "X", "--env", "production", "-R", REPO);
        assertEquals(1, set.exit());
        assertEquals(
                "failed to fetch public key: HTTP 403: API rate limit exceeded for user ID 1. "
                        + "(https://api.github.com/" + ENV_PATH + "/secrets/public-key)\n",
                set.stderr());
        GhCli.Result api = gh.run(null, "api", "--include", ENV_PATH);
        assertEquals(1, api.exit());
        assertEquals("gh: API rate limit exceeded for user ID 1. (HTTP 403)\n", api.stderr());
        assertTrue(api.stdout().contains("\nX-Ratelimit-Used: 3\r\n"), api.stdout());
        assertTrue(api.stdout().contains("\nX-Ratelimit-Reset: "), api.stdout());
        assertEquals(
                "primary",
                requestLog().get(requestLog().size() - 1).get("throttled").asText());
    }
}

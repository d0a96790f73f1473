package dev.spectral.it.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rate limits and the latency through the API in-process, with a limit clock moved by hand. */
class LimitsApiTest {
    private static final String ENV = "/repos/acme/app/environments/production";
    private static final String STAGING = "/repos/acme/app/environments/staging";
    private static final String SECONDARY_MESSAGE =
            "You have exceeded a secondary rate limit. Please wait a few minutes"
                    + " before you try again. If you reach out to GitHub Support for help, please include the request ID ";
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock limitClock = new MutableClock(T0);
    private GitHubApi api;
    private ExecutorService pool;

    @BeforeEach
    void setUp() {
        pool = Executors.newCachedThreadPool();
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    private GitHubApi start(EmulatorOptions.Limits limits) throws IOException {
        EmulatorClock clock = new EmulatorClock(Clock.fixed(T0, ZoneOffset.UTC));
        api = GitHubApi.forStateDir(dir, clock, limits, limitClock);
        return api;
    }

    private static HttpRequest request(String method, String target, String body) {
        HttpHeaders headers = new HttpHeaders().add("Authorization", "token test-token");
        return new HttpRequest(
                method,
                target,
                "HTTP/1.1",
                headers,
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse call(String method, String target, String body) {
        return api.handle(request(method, target, body));
    }

    private static JsonNode json(HttpResponse response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }

    private static String header(HttpResponse response, String name) {
        return response.headers().first(name).orElse(null);
    }

    private List<JsonNode> log() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("requests.log"))) {
            out.add(Json.MAPPER.readTree(line));
        }
        return out;
    }

    private static String variable(int i) {
        return "{\"name\":\"V" + i + "\",\"value\":\"" + i + "\"}";
    }

    @Test
    void secondaryLimitAnswersLikeGitHub() throws IOException {
        start(EmulatorOptions.Limits.github().withPointsPerMinute(10));
        assertEquals(200, call("PUT", ENV, null).status());
        assertEquals(201, call("POST", ENV + "/variables", variable(1)).status());
        limitClock.advance(Duration.ofSeconds(15));
        assertEquals(201, call("POST", ENV + "/variables", variable(2)).status());
        HttpResponse refused = call("POST", ENV + "/variables", variable(3));
        assertEquals(403, refused.status());
        String requestId = header(refused, "X-GitHub-Request-Id");
        assertTrue(requestId.matches("[0-9A-F]{4}:[0-9A-F]{4}:[0-9A-F]{6}:[0-9A-F]{6}:[0-9A-F]{8}"), requestId);
        assertEquals(
                "{\"message\":\"" + SECONDARY_MESSAGE + requestId + ".\",\"documentation_url\":"
                        + "\"https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api"
                        + "#about-secondary-rate-limits\"}",
                new String(refused.body(), StandardCharsets.UTF_8));
        assertEquals("45", header(refused, "Retry-After"), "until the first POST leaves the window");
        assertEquals("5000", header(refused, "X-RateLimit-Limit"));
        assertEquals("4996", header(refused, "X-RateLimit-Remaining"));
        assertEquals("4", header(refused, "X-RateLimit-Used"));
        assertEquals(Long.toString(T0.getEpochSecond() + 3600), header(refused, "X-RateLimit-Reset"));
        assertEquals("core", header(refused, "X-RateLimit-Resource"));
        assertFalse(json(call("GET", ENV + "/variables", null)).toString().contains("V3"), "nothing was stored");

        JsonNode last = log().get(log().size() - 2);
        assertEquals("POST", last.get("method").asText());
        assertEquals(403, last.get("status").asInt());
        assertEquals("secondary", last.get("throttled").asText());
        assertEquals("points", last.get("limit").asText());
        assertFalse(log().get(0).has("throttled"));

        limitClock.advance(Duration.ofSeconds(45));
        assertEquals(201, call("POST", ENV + "/variables", variable(3)).status(), "after Retry-After it goes through");
    }

    @Test
    void secretWritesOfAllEnvironmentsShareOneBudget() throws IOException {
        start(EmulatorOptions.Limits.github().withPointsPerMinute(20));
        assertEquals(200, call("PUT", ENV, null).status());
        assertEquals(200, call("PUT", STAGING, null).status());
        // Four 5-point writes fit, whatever the repository, environment or name, and whatever the
        // answer (a 422 for a bad box, a 404 for a missing environment count too).
        String bad = "{\"encrypted_value\":\"AAAA\",\"key_id\":\"x\"}";
        assertEquals(422, call("PUT", ENV + "/secrets/A", bad).status());
        assertEquals(422, call("PUT", STAGING + "/secrets/B", bad).status());
        assertEquals(
                404,
                call("PUT", "/repos/other/repo/environments/x/secrets/C", bad).status());
        assertEquals(
                422,
                call("PUT", "/repositories/100000001/environments/production/secrets/D", bad)
                        .status());
        assertEquals(403, call("PUT", STAGING + "/secrets/E", bad).status());
        assertEquals(403, call("PUT", ENV + "/secrets/A", bad).status());
        assertEquals(204, call("DELETE", STAGING, null).status(), "another endpoint, another budget");
        assertEquals(200, call("GET", ENV + "/secrets/public-key", null).status());
    }

    @Test
    void primaryHeadersOnEveryResponseAndExhaustion() throws IOException {
        start(EmulatorOptions.Limits.github().withPrimaryLimit(3).withClockScale(60));
        HttpResponse first = call("GET", "/repos/acme/app", null);
        assertEquals(200, first.status());
        assertEquals("3", header(first, "X-RateLimit-Limit"));
        assertEquals("2", header(first, "X-RateLimit-Remaining"));
        assertEquals("1", header(first, "X-RateLimit-Used"));
        assertEquals(Long.toString(T0.getEpochSecond() + 60), header(first, "X-RateLimit-Reset"), "an hour / 60");
        assertEquals("core", header(first, "X-RateLimit-Resource"));
        assertEquals(404, call("GET", ENV, null).status());
        assertEquals("0", header(call("GET", ENV, null), "X-RateLimit-Remaining"));
        HttpResponse refused = call("GET", "/repos/acme/app", null);
        assertEquals(403, refused.status());
        assertEquals(
                "API rate limit exceeded for user ID 1.",
                json(refused).get("message").asText());
        assertEquals(
                "https://docs.github.com/rest",
                json(refused).get("documentation_url").asText());
        assertEquals("0", header(refused, "X-RateLimit-Remaining"));
        assertEquals("3", header(refused, "X-RateLimit-Used"));
        assertEquals(Long.toString(T0.getEpochSecond() + 60), header(refused, "X-RateLimit-Reset"));
        assertEquals(null, header(refused, "Retry-After"), "GitHub sends none for the primary limit");
        JsonNode last = log().get(log().size() - 1);
        assertEquals("primary", last.get("throttled").asText());
        assertFalse(last.has("limit"));

        limitClock.advance(Duration.ofSeconds(60));
        HttpResponse afterReset = call("GET", "/repos/acme/app", null);
        assertEquals(200, afterReset.status());
        assertEquals("2", header(afterReset, "X-RateLimit-Remaining"));
    }

    @Test
    void rateLimitedFaultKeepsItsHeadersWhenLimitsAreOn() throws IOException {
        start(EmulatorOptions.Limits.github());
        Files.writeString(dir.resolve("faults.json"), "{\"rate_limited\": true}");
        HttpResponse r = call("GET", "/repos/acme/app", null);
        assertEquals(403, r.status());
        assertEquals("0", header(r, "X-RateLimit-Remaining"));
        assertEquals("5000", header(r, "X-RateLimit-Used"));
    }

    @Test
    void limitsOffMeansNoRateLimitHeadersAndNoRefusals() throws IOException {
        start(EmulatorOptions.Limits.OFF
                .withPointsPerMinute(1)
                .withMaxInFlight(1)
                .withPrimaryLimit(1));
        call("PUT", ENV, null);
        for (int i = 0; i < 5; i++) {
            HttpResponse r = call("POST", ENV + "/variables", variable(i));
            assertEquals(201, r.status());
            assertFalse(r.headers().contains("X-RateLimit-Limit"));
            assertTrue(r.headers().contains("X-GitHub-Request-Id"));
        }
        assertTrue(log().stream().noneMatch(line -> line.has("throttled")));
        api.writeReport();
        JsonNode report = Json.MAPPER.readTree(dir.resolve("limits.json").toFile());
        assertEquals(6, report.get("requests").asInt());
        assertEquals(
                25,
                report.at("/endpoints/POST ~1repos~1{owner}~1{repo}~1environments~1{environment_name}"
                                + "~1variables/max_points_in_window")
                        .asInt(),
                "counted anyway: what GitHub would have seen");
    }

    @Test
    void requestsWithoutCredentialsAreNotCounted() throws IOException {
        start(EmulatorOptions.Limits.github().withPrimaryLimit(1));
        HttpResponse r =
                api.handle(new HttpRequest("GET", "/repos/acme/app", "HTTP/1.1", new HttpHeaders(), new byte[0]));
        assertEquals(401, r.status());
        assertFalse(r.headers().contains("X-RateLimit-Limit"));
        assertEquals(200, call("GET", "/repos/acme/app", null).status());
    }

    @Test
    void inFlightCapCountsFromOpenToClose() throws Exception {
        start(EmulatorOptions.Limits.github().withMaxInFlight(2).withClockScale(30));
        Handler.Exchange a = api.open();
        Handler.Exchange b = api.open();
        Handler.Exchange c = api.open(); // head read while two are in flight: refused when handled
        assertEquals(200, a.handle(request("GET", "/repos/acme/app", null)).status());
        HttpResponse refused = c.handle(request("GET", "/repos/acme/app", null));
        assertEquals(403, refused.status());
        assertTrue(json(refused).get("message").asText().startsWith(SECONDARY_MESSAGE));
        assertEquals("2", header(refused, "Retry-After"), "60 s scaled by 30");
        c.close();
        Handler.Exchange d = api.open();
        assertEquals(403, d.handle(request("GET", "/repos/acme/app", null)).status(), "a and b still open");
        d.close();
        a.close(); // response written
        Handler.Exchange e = api.open();
        assertEquals(200, e.handle(request("GET", "/repos/acme/app", null)).status());
        e.close();
        b.close();
        JsonNode refusedLine = log().get(1);
        assertEquals("secondary", refusedLine.get("throttled").asText());
        assertEquals("in_flight", refusedLine.get("limit").asText());
        assertEquals(2, api.limiter().report().get("max_in_flight_seen").asInt());
    }

    @Test
    void latencyIsSleptConcurrentlyOutsideTheStateLock() throws Exception {
        start(EmulatorOptions.Limits.OFF.withLatencyMs(150));
        call("PUT", ENV, null);
        int n = 40;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Long>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            futures.add(pool.submit(() -> {
                go.await();
                long start = System.nanoTime();
                HttpResponse r = call("POST", ENV + "/variables", variable(k));
                assertEquals(201, r.status());
                return System.nanoTime() - start;
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        for (Future<Long> f : futures) {
            assertTrue(f.get(30, TimeUnit.SECONDS) >= TimeUnit.MILLISECONDS.toNanos(150), "each takes the latency");
        }
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(elapsedMs < 1500, "40 x 150 ms slept concurrently took " + elapsedMs + " ms (serial: 6000)");
        assertEquals(
                40,
                json(call("GET", ENV + "/variables?per_page=30", null))
                        .get("total_count")
                        .asInt());
        assertTrue(
                api.limiter().report().get("max_in_flight_seen").asInt() >= 10,
                api.limiter().report().toString());
    }
}

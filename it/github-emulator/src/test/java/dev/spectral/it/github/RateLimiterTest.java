package dev.spectral.it.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The limits on their own, with a clock moved by hand (no sleeps). */
class RateLimiterTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String PUT_SECRET =
            "PUT /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}";

    private final MutableClock clock = new MutableClock(T0);

    private RateLimiter limiter(EmulatorOptions.Limits limits) {
        return new RateLimiter(limits, clock);
    }

    /** One whole request (enter, admit, close) to an endpoint at the current time. */
    private static RateLimiter.Decision request(RateLimiter limiter, String endpoint, int cost) {
        try (RateLimiter.Ticket ticket = limiter.enter()) {
            RateLimiter.Decision decision = limiter.admit(ticket, endpoint, cost);
            limiter.answered(decision);
            return decision;
        }
    }

    private static HttpRequest request(String method, String target) {
        return new HttpRequest(method, target, "HTTP/1.1", new HttpHeaders(), new byte[0]);
    }

    @Test
    void costsPerMethod() {
        assertEquals(1, RateLimiter.cost("GET"));
        assertEquals(1, RateLimiter.cost("HEAD"));
        assertEquals(5, RateLimiter.cost("PUT"));
        assertEquals(5, RateLimiter.cost("PATCH"));
        assertEquals(5, RateLimiter.cost("POST"));
        assertEquals(5, RateLimiter.cost("DELETE"));
        assertEquals(1, RateLimiter.costOf("POST", ApiRouter.GRAPHQL_ENDPOINT), "GraphQL is its own endpoint at 1");
        assertEquals(
                5, RateLimiter.costOf("POST", "POST /repos/{owner}/{repo}/environments/{environment_name}/variables"));
    }

    @Test
    void endpointsAreMethodAndRouteTemplateSharedAcrossReposEnvironmentsAndNames() {
        String a = ApiRouter.endpoint(request("PUT", "/repos/acme/app/environments/production/secrets/DB_PASSWORD"));
        assertEquals(PUT_SECRET, a);
        assertEquals(a, ApiRouter.endpoint(request("PUT", "/repos/other/repo/environments/staging/secrets/X")));
        assertEquals(a, ApiRouter.endpoint(request("PUT", "/repositories/100000001/environments/dev/secrets/y?z=1")));
        assertEquals(a, ApiRouter.endpoint(request("PUT", "/repos/acme/app/environments/a%20b/secrets/c")));
        assertNotEquals(a, ApiRouter.endpoint(request("DELETE", "/repos/acme/app/environments/production/secrets/X")));
        assertEquals(
                "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key",
                ApiRouter.endpoint(request("GET", "/repos/acme/app/environments/production/secrets/public-key")));
        assertEquals(
                "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}",
                ApiRouter.endpoint(request("HEAD", "/repos/acme/app/environments/production/secrets/X")),
                "HEAD is GET");
        assertEquals(
                "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets",
                ApiRouter.endpoint(request("GET", "/repos/acme/app/environments/production/secrets?per_page=100")));
        assertEquals(
                "POST /repos/{owner}/{repo}/environments/{environment_name}/variables",
                ApiRouter.endpoint(request("POST", "/repos/acme/app/environments/production/variables")));
        assertEquals(
                "PATCH /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}",
                ApiRouter.endpoint(request("PATCH", "/repositories/5/environments/production/variables/REGION")));
        assertEquals(
                "PUT /repos/{owner}/{repo}/environments/{environment_name}",
                ApiRouter.endpoint(request("PUT", "/repos/acme/app/environments/production")));
        assertEquals("GET /repos/{owner}/{repo}", ApiRouter.endpoint(request("GET", "/repos/acme/app")));
        assertEquals("POST /graphql", ApiRouter.endpoint(request("POST", "/graphql")));
        assertEquals("GET (unknown route)", ApiRouter.endpoint(request("GET", "/nothing/here")));
        assertEquals("GET (unknown route)", ApiRouter.endpoint(request("GET", "/repos/acme/app/hooks")));
    }

    @Test
    void slidingWindowOfOneMinute() {
        RateLimiter limiter = limiter(EmulatorOptions.Limits.github().withPointsPerMinute(10));
        assertEquals(RateLimiter.Throttle.NONE, request(limiter, PUT_SECRET, 5).throttle()); // t=0: 5
        clock.advance(Duration.ofSeconds(10));
        assertEquals(RateLimiter.Throttle.NONE, request(limiter, PUT_SECRET, 5).throttle()); // t=10: 10
        clock.advance(Duration.ofSeconds(10));
        RateLimiter.Decision refused = request(limiter, PUT_SECRET, 5); // t=20: would be 15
        assertEquals(RateLimiter.Throttle.SECONDARY, refused.throttle());
        assertEquals("points", refused.reason());
        assertEquals(40, refused.retryAfterSeconds(), "until the t=0 write leaves the window at t=60");
        assertEquals(
                RateLimiter.Throttle.NONE, request(limiter, "GET /other", 1).throttle(), "other endpoints unaffected");

        clock.advance(Duration.ofMillis(39_999)); // t=59.999
        RateLimiter.Decision stillRefused = request(limiter, PUT_SECRET, 5);
        assertEquals(RateLimiter.Throttle.SECONDARY, stillRefused.throttle());
        assertEquals(1, stillRefused.retryAfterSeconds(), "1 ms rounds up to 1 s");
        clock.advanceMillis(1); // t=60: t=0 left
        assertEquals(
                RateLimiter.Throttle.NONE, request(limiter, PUT_SECRET, 5).throttle(), "refused ones added nothing");
        clock.advanceMillis(500); // t=60.5: 10 in window
        RateLimiter.Decision again = request(limiter, PUT_SECRET, 5);
        assertEquals(RateLimiter.Throttle.SECONDARY, again.throttle());
        assertEquals(10, again.retryAfterSeconds(), "t=10 write leaves at t=70: 9.5 s rounded up");
        clock.advance(Duration.ofSeconds(10)); // t=70.5
        assertEquals(RateLimiter.Throttle.NONE, request(limiter, PUT_SECRET, 5).throttle());

        JsonNode report = limiter.report();
        assertEquals(
                10,
                report.at("/endpoints/" + PUT_SECRET.replace("/", "~1") + "/max_points_in_window")
                        .asInt());
        assertEquals(
                7,
                report.at("/endpoints/" + PUT_SECRET.replace("/", "~1") + "/requests")
                        .asInt());
        assertEquals(
                3,
                report.at("/endpoints/" + PUT_SECRET.replace("/", "~1") + "/throttled")
                        .asInt());
        assertEquals(3, report.get("throttled_secondary").asInt());
        assertEquals(3, report.get("throttled_secondary_points").asInt());
        assertEquals(8, report.get("requests").asInt());
    }

    @Test
    void retryAfterWaitsUntilEnoughPointsLeave() {
        RateLimiter limiter = limiter(EmulatorOptions.Limits.github().withPointsPerMinute(12));
        for (int i = 0; i < 12; i++) { // 12 GETs, 1 s apart
            assertEquals(
                    RateLimiter.Throttle.NONE, request(limiter, "GET /x", 1).throttle());
            clock.advance(Duration.ofSeconds(1));
        }
        // t=12: a 5-point write needs 5 points to leave: the GETs of t=0..4, the last leaves at t=64.
        RateLimiter.Decision refused = request(limiter, "GET /x", 5);
        assertEquals(52, refused.retryAfterSeconds());
        clock.advance(Duration.ofSeconds(51));
        assertEquals(
                RateLimiter.Throttle.SECONDARY, request(limiter, "GET /x", 5).throttle());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(RateLimiter.Throttle.NONE, request(limiter, "GET /x", 5).throttle());
    }

    @Test
    void aCostAboveTheBudgetNeverFits() {
        RateLimiter limiter =
                limiter(EmulatorOptions.Limits.github().withPointsPerMinute(3).withClockScale(60));
        RateLimiter.Decision d = request(limiter, PUT_SECRET, 5);
        assertEquals(RateLimiter.Throttle.SECONDARY, d.throttle());
        assertEquals(1, d.retryAfterSeconds());
    }

    @Test
    void clockScaleShrinksTheWindowAndRetryAfterRoundsUp() {
        RateLimiter limiter =
                limiter(EmulatorOptions.Limits.github().withPointsPerMinute(5).withClockScale(60));
        assertEquals(RateLimiter.Throttle.NONE, request(limiter, PUT_SECRET, 5).throttle());
        clock.advanceMillis(200);
        RateLimiter.Decision refused = request(limiter, PUT_SECRET, 5);
        assertEquals(1, refused.retryAfterSeconds(), "window 1 s: 0.8 s left, rounded up");
        clock.advanceMillis(800);
        assertEquals(RateLimiter.Throttle.NONE, request(limiter, PUT_SECRET, 5).throttle(), "window is 60 s / 60");

        MutableClock other = new MutableClock(T0);
        RateLimiter fractional = new RateLimiter(
                EmulatorOptions.Limits.github().withPointsPerMinute(5).withClockScale(7.5), other); // window 8 s
        request(fractional, PUT_SECRET, 5);
        other.advanceMillis(500);
        assertEquals(8, request(fractional, PUT_SECRET, 5).retryAfterSeconds(), "7.5 s rounded up");
        other.advanceMillis(7_499);
        assertEquals(1, request(fractional, PUT_SECRET, 5).retryAfterSeconds());
        other.advanceMillis(1);
        assertEquals(
                RateLimiter.Throttle.NONE, request(fractional, PUT_SECRET, 5).throttle());

        assertEquals(1, RateLimiter.seconds(0));
        assertEquals(1, RateLimiter.seconds(1));
        assertEquals(1, RateLimiter.seconds(1_000_000_000L));
        assertEquals(2, RateLimiter.seconds(1_000_000_001L));
        assertEquals(60, RateLimiter.seconds(60_000_000_000L));
    }

    @Test
    void inFlightCap() {
        RateLimiter limiter = limiter(EmulatorOptions.Limits.github().withMaxInFlight(3));
        List<RateLimiter.Ticket> open = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RateLimiter.Ticket ticket = limiter.enter();
            assertTrue(ticket.admitted());
            assertEquals(
                    RateLimiter.Throttle.NONE,
                    limiter.admit(ticket, "GET /x", 1).throttle());
            open.add(ticket);
        }
        RateLimiter.Ticket fourth = limiter.enter();
        assertFalse(fourth.admitted());
        RateLimiter.Decision refused = limiter.admit(fourth, "GET /x", 1);
        assertEquals(RateLimiter.Throttle.SECONDARY, refused.throttle());
        assertEquals("in_flight", refused.reason());
        assertEquals(60, refused.retryAfterSeconds(), "GitHub's 'wait at least a minute'");
        limiter.answered(refused);
        fourth.close();
        fourth.close(); // closing twice counts once

        open.remove(0).close();
        RateLimiter.Ticket fifth = limiter.enter();
        assertTrue(fifth.admitted(), "one left, one fits");
        assertFalse(limiter.enter().admitted());
        JsonNode report = limiter.report();
        assertEquals(3, report.get("max_in_flight_seen").asInt());
        assertEquals(4, report.get("max_concurrent_seen").asInt(), "refused ones count as concurrent, not in flight");
        assertEquals(1, report.get("throttled_secondary_in_flight").asInt());
        assertEquals(3, report.at("/endpoints/GET ~1x/points").asInt(), "the refused one added no points");
    }

    @Test
    void inFlightRetryAfterIsScaled() {
        RateLimiter limiter =
                limiter(EmulatorOptions.Limits.github().withMaxInFlight(1).withClockScale(45));
        RateLimiter.Ticket first = limiter.enter();
        RateLimiter.Ticket second = limiter.enter();
        assertEquals(2, limiter.admit(second, "GET /x", 1).retryAfterSeconds(), "60 s / 45 = 1.33 s, rounded up");
        first.close();
        second.close();
    }

    @Test
    void withoutEnforceNothingIsRefusedButAllIsCounted() {
        RateLimiter limiter = limiter(EmulatorOptions.Limits.OFF
                .withMaxInFlight(1)
                .withPointsPerMinute(5)
                .withPrimaryLimit(1));
        RateLimiter.Ticket a = limiter.enter();
        RateLimiter.Ticket b = limiter.enter();
        assertTrue(a.admitted() && b.admitted());
        assertEquals(RateLimiter.Throttle.NONE, limiter.admit(a, PUT_SECRET, 5).throttle());
        assertEquals(RateLimiter.Throttle.NONE, limiter.admit(b, PUT_SECRET, 5).throttle());
        a.close();
        b.close();
        JsonNode report = limiter.report();
        assertEquals(2, report.get("max_in_flight_seen").asInt());
        assertEquals(
                10,
                report.at("/endpoints/" + PUT_SECRET.replace("/", "~1") + "/max_points_in_window")
                        .asInt());
        assertEquals(0, report.get("throttled_secondary").asInt());
        assertFalse(report.at("/settings/enforce").asBoolean());
    }

    @Test
    void primaryLimitCountsAndResetsAfterTheScaledHour() {
        RateLimiter limiter =
                limiter(EmulatorOptions.Limits.github().withPrimaryLimit(3).withClockScale(60));
        clock.advanceMillis(250); // first request at T0 + 0.25 s
        RateLimiter.Decision first = request(limiter, "GET /x", 1);
        assertEquals(3, first.limit());
        assertEquals(1, first.used());
        assertEquals(2, first.remaining());
        long reset = T0.getEpochSecond() + 61; // T0 + 0.25 + 60 s (an hour / 60), rounded up
        assertEquals(reset, first.resetEpochSeconds());
        request(limiter, "GET /y", 1);
        RateLimiter.Decision third = request(limiter, "GET /z", 1);
        assertEquals(0, third.remaining());
        assertEquals(RateLimiter.Throttle.NONE, third.throttle());
        RateLimiter.Decision fourth = request(limiter, "GET /x", 1);
        assertEquals(RateLimiter.Throttle.PRIMARY, fourth.throttle());
        assertEquals(3, fourth.used(), "a refused request is not counted");
        assertEquals(reset, fourth.resetEpochSeconds());
        assertNull(fourth.reason());

        clock.advance(Duration.ofSeconds(60)); // the (scaled) hour is over
        RateLimiter.Decision fresh = request(limiter, "GET /x", 1);
        assertEquals(RateLimiter.Throttle.NONE, fresh.throttle());
        assertEquals(1, fresh.used());
        assertEquals(reset + 60, fresh.resetEpochSeconds());
        assertEquals(1, limiter.report().get("throttled_primary").asInt());
    }

    @Test
    void secondaryRefusalsCountAgainstThePrimaryLimit() {
        RateLimiter limiter =
                limiter(EmulatorOptions.Limits.github().withPrimaryLimit(10).withPointsPerMinute(5));
        request(limiter, PUT_SECRET, 5);
        RateLimiter.Decision refused = request(limiter, PUT_SECRET, 5);
        assertEquals(RateLimiter.Throttle.SECONDARY, refused.throttle());
        assertEquals(2, refused.used());
    }

    @Test
    void limitsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> EmulatorOptions.Limits.OFF.withClockScale(0.5));
        assertThrows(IllegalArgumentException.class, () -> EmulatorOptions.Limits.OFF.withClockScale(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> EmulatorOptions.Limits.OFF.withMaxInFlight(0));
        assertThrows(IllegalArgumentException.class, () -> EmulatorOptions.Limits.OFF.withLatencyMs(-1));
        assertEquals(
                1_000_000_000L, EmulatorOptions.Limits.OFF.withClockScale(60).scaledNanos(Duration.ofMinutes(1)));
        assertEquals(
                8_000_000_000L, EmulatorOptions.Limits.OFF.withClockScale(7.5).scaledNanos(Duration.ofMinutes(1)));
    }
}

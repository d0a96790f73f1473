package dev.spectral.provision.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestBudgetTest {

    private final FakeTicker ticker = new FakeTicker();

    private RequestBudget budget(int maxInFlight, int pointsPerMinute, Duration maxWait) {
        return new RequestBudget(
                new GitHubLimits(maxInFlight, pointsPerMinute, Duration.ofSeconds(60), maxWait), ticker, () -> 0.5);
    }

    private RequestBudget budget() {
        return budget(30, 900, Duration.ofMinutes(10));
    }

    @Test
    void oneEndpointSpendsAtMostItsPointsInAMinuteCountedFromWhenEachRequestEnded() throws Exception {
        RequestBudget budget = budget();
        for (int i = 0; i < 180; i++) {
            try (RequestBudget.Permit p = budget.acquire(Cost.of("PUT", "secrets/{name}"))) {
                ticker.advance(Duration.ofMillis(100));
            }
        }
        long before = ticker.nanoTime();
        assertEquals(Duration.ZERO, ticker.slept(), "180 writes of 5 points fit in 900");

        budget.acquire(Cost.of("PUT", "secrets/{name}")).close();

        // The first write ended 100 ms after the start; it leaves the window a minute later.
        Duration waited = Duration.ofNanos(ticker.nanoTime() - before);
        assertEquals(Duration.ofSeconds(60).minus(Duration.ofMillis(17_900)), waited);
    }

    @Test
    void readsCostOnePointAndEndpointsHaveTheirOwnPoints() throws Exception {
        RequestBudget budget = budget(30, 10, Duration.ofMinutes(10));
        for (int i = 0; i < 10; i++) {
            budget.acquire(Cost.of("GET", "secrets")).close();
        }
        budget.acquire(Cost.of("PUT", "secrets/{name}")).close();
        budget.acquire(Cost.of("GET", "variables")).close();
        assertEquals(Duration.ZERO, ticker.slept());

        budget.acquire(Cost.of("GET", "secrets")).close();
        assertTrue(
                ticker.slept().toSeconds() >= 59,
                "the eleventh read of one endpoint waits for the window: " + ticker.slept());
    }

    @Test
    void aBulkCallCountsEverySecretItCarries() throws Exception {
        RequestBudget budget = budget(30, 900, Duration.ofMinutes(10));
        budget.acquire(Cost.secretWrites(30)).close();
        budget.acquire(Cost.secretWrites(30)).close();
        budget.acquire(Cost.secretWrites(30)).close();
        budget.acquire(Cost.secretWrites(30)).close();
        budget.acquire(Cost.secretWrites(30)).close();
        budget.acquire(Cost.secretWrites(30)).close();
        assertEquals(Duration.ZERO, ticker.slept(), "6 x 30 writes = 900 points");
        budget.acquire(Cost.secretWrites(1)).close();
        assertTrue(ticker.slept().toSeconds() >= 59, ticker.slept().toString());
    }

    @Test
    void callsAreCutToTheCapAndToWhatAMinuteAllows() {
        assertEquals(15, new GitHubLimits(30, 900, Duration.ZERO, Duration.ZERO).secretsPerCall());
        assertEquals(20, new GitHubLimits(90, 100, Duration.ZERO, Duration.ZERO).secretsPerCall());
        assertEquals(1, new GitHubLimits(1, 900, Duration.ZERO, Duration.ZERO).secretsPerCall());
    }

    @Test
    void aThrottledRequestPausesEveryoneForRetryAfterOrAMinuteWithJitterAndLongerOnRepeats() throws Exception {
        RequestBudget budget = budget();
        RequestBudget.Permit first = budget.acquire(Cost.of("GET", "secrets"));
        budget.throttled(first, 1, Optional.empty());
        first.close();
        assertEquals(
                "waiting 66 s for GitHub's rate limit", budget.pace().waiting().orElseThrow());

        RequestBudget.Permit second = budget.acquire(Cost.of("PUT", "secrets/{name}"));
        assertEquals(Duration.ofSeconds(66), ticker.slept(), "60 s and 10% jitter");
        budget.throttled(second, 1, Optional.of(Duration.ofSeconds(10)));
        second.close();

        budget.acquire(Cost.of("GET", "variables")).close();
        assertEquals(
                Duration.ofSeconds(66 + 22), ticker.slept(), "retry-after 10 s, doubled for the repeat, with jitter");
        Pace pace = budget.pace();
        assertEquals(2, pace.throttled());
        assertEquals(Duration.ofSeconds(88), pace.waited());
    }

    @Test
    void requestsAlreadyOutWhenAPauseBeganDoNotLengthenIt() throws Exception {
        RequestBudget budget = budget();
        RequestBudget.Permit a = budget.acquire(Cost.of("GET", "secrets"));
        RequestBudget.Permit b = budget.acquire(Cost.of("GET", "variables"));
        ticker.advance(Duration.ofMillis(10));
        budget.throttled(a, 1, Optional.empty());
        budget.throttled(b, 1, Optional.empty());
        a.close();
        b.close();

        assertEquals(Duration.ofSeconds(66), budget.pace().waited());
        assertEquals(2, budget.pace().throttled());
    }

    @Test
    void aSuccessEndsTheBackoff() throws Exception {
        RequestBudget budget = budget();
        RequestBudget.Permit a = budget.acquire(Cost.of("GET", "secrets"));
        budget.throttled(a, 1, Optional.of(Duration.ofSeconds(10)));
        a.close();
        RequestBudget.Permit b = budget.acquire(Cost.of("GET", "secrets"));
        budget.succeeded(b);
        b.close();
        RequestBudget.Permit c = budget.acquire(Cost.of("GET", "secrets"));
        budget.throttled(c, 1, Optional.of(Duration.ofSeconds(10)));
        c.close();

        assertEquals(Duration.ofSeconds(22), budget.pace().waited(), "11 s twice, not 11 then 22");
    }

    @Test
    void pastTheWaitBudgetTheRunStopsAndEveryLaterRequestFailsAtOnce() throws Exception {
        RequestBudget budget = budget(30, 900, Duration.ofSeconds(100));
        RequestBudget.Permit a = budget.acquire(Cost.of("GET", "secrets"));
        budget.throttled(a, 1, Optional.empty());
        a.close();
        RequestBudget.Permit b = budget.acquire(Cost.of("GET", "secrets"));

        GitHubException e = assertThrows(GitHubException.class, () -> budget.throttled(b, 1, Optional.empty()));
        b.close();

        assertEquals(GitHubException.Kind.RATE_LIMITED, e.kind());
        assertTrue(
                e.getMessage().contains("waited 66.0 s in all")
                        && e.getMessage().contains("spectral.github.maxWait (100 s)"),
                e.getMessage());
        Duration slept = ticker.slept();
        assertThrows(GitHubException.class, () -> budget.acquire(Cost.of("GET", "variables")));
        assertEquals(slept, ticker.slept(), "a stopped run does not wait");
    }

    @Test
    void aSpentHourlyLimitStopsEveryLaterRequest() {
        RequestBudget budget = budget();
        budget.exhausted("GitHub's hourly API limit for this token is spent");

        GitHubException e = assertThrows(GitHubException.class, () -> budget.acquire(Cost.of("GET", "secrets")));

        assertEquals(GitHubException.Kind.RATE_LIMITED, e.kind());
        assertEquals("GitHub's hourly API limit for this token is spent", e.getMessage());
    }

    @Test
    void limitsOutsideWhatGitHubCanServeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new GitHubLimits(0, 900, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new GitHubLimits(30, 4, Duration.ZERO, Duration.ZERO));
        assertThrows(
                IllegalArgumentException.class, () -> new GitHubLimits(30, 900, Duration.ofSeconds(-1), Duration.ZERO));
    }
}

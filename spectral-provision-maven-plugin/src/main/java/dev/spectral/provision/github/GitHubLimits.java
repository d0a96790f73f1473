package dev.spectral.provision.github;

import java.time.Duration;

/**
 * How hard one run may drive GitHub's REST API (field notes, "GitHub limits"): GitHub allows 100
 * requests in flight and 900 points a minute per endpoint (a read costs 1, a write 5), and asks a
 * throttled client to wait {@code retry-after}, else at least a minute.
 *
 * @param maxInFlight requests in flight at once, over every gh process of the run
 * @param pointsPerMinute points one endpoint may spend in any minute
 * @param throttleWait the first wait after a throttled request that did not say how long to wait
 * @param maxWait the most a run waits for throttling in all before it stops with what is left
 */
public record GitHubLimits(int maxInFlight, int pointsPerMinute, Duration throttleWait, Duration maxWait) {

    /** Well under GitHub's 100, so that other clients of the same token keep room. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 30;

    public static final int DEFAULT_POINTS_PER_MINUTE = 900;
    /** GitHub asks for at least a minute when it does not say how long. */
    public static final int DEFAULT_THROTTLE_WAIT_SECONDS = 60;

    public static final int DEFAULT_MAX_WAIT_SECONDS = 600;
    static final int READ_POINTS = 1;
    static final int WRITE_POINTS = 5;

    public GitHubLimits {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("at least one request in flight is needed (it is " + maxInFlight + ")");
        }
        if (pointsPerMinute < WRITE_POINTS) {
            throw new IllegalArgumentException("at least " + WRITE_POINTS
                    + " points a minute are needed for one write (it is " + pointsPerMinute + ")");
        }
        if (throttleWait.isNegative() || maxWait.isNegative()) {
            throw new IllegalArgumentException("waits cannot be negative");
        }
    }

    public static GitHubLimits defaults() {
        return new GitHubLimits(
                DEFAULT_MAX_IN_FLIGHT,
                DEFAULT_POINTS_PER_MINUTE,
                Duration.ofSeconds(DEFAULT_THROTTLE_WAIT_SECONDS),
                Duration.ofSeconds(DEFAULT_MAX_WAIT_SECONDS));
    }

    /**
     * The most secrets one {@code gh secret set -f} call may carry: each is a request in flight and a
     * write. Half the cap, so that two calls overlap and single calls are not held up behind one.
     */
    int secretsPerCall() {
        return Math.max(1, Math.min(maxInFlight / 2, pointsPerMinute / WRITE_POINTS));
    }
}

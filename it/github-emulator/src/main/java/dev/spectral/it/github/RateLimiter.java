package dev.spectral.it.github;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;

/**
 * GitHub's REST rate limits (docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api),
 * kept apart from the state lock: its own monitor is held only for a few arithmetic steps.
 *
 * <ul>
 *   <li>In flight: at most {@code maxInFlight} requests between head read and response written
 *       ({@link #enter()} .. {@link Ticket#close()}). One over it is refused at once and does not
 *       count as in flight.</li>
 *   <li>Points: per endpoint (method + route template), at most {@code pointsPerMinute} points in
 *       any sliding window of one (scaled) minute; a refused request adds no points.</li>
 *   <li>Primary: {@code primaryLimit} requests per (scaled) hour, a fixed window that starts with
 *       the first request after the previous one ran out. Every request it does not refuse counts,
 *       including those then refused by a secondary limit.</li>
 * </ul>
 *
 * Without {@code enforce} everything is still counted (for limits.json) but nothing is refused.
 * Times come from an injectable {@link Clock} (nanosecond resolution where it has it).
 */
final class RateLimiter {
    /** What GitHub says when it refuses without a Retry-After: "wait at least one minute". */
    static final Duration IN_FLIGHT_RETRY = Duration.ofMinutes(1);

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);

    enum Throttle {
        NONE,
        PRIMARY,
        SECONDARY;

        /** The value of the "throttled" field in requests.log, or null. */
        String logName() {
            return this == NONE ? null : name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The verdict on one request.
     *
     * @param throttle          refused, and by which limit
     * @param reason            for a secondary refusal: "in_flight" or "points"; else null
     * @param retryAfterSeconds for a secondary refusal: the Retry-After value; else 0
     * @param limit             primary: the limit
     * @param used              primary: requests counted in the current window (this one included)
     * @param resetEpochSeconds primary: when the current window ends
     */
    record Decision(
            Throttle throttle, String reason, long retryAfterSeconds, long limit, long used, long resetEpochSeconds) {
        long remaining() {
            return Math.max(0, limit - used);
        }
    }

    /** One request between head read and response written. */
    final class Ticket implements AutoCloseable {
        private final boolean admitted;
        private boolean closed;

        private Ticket(boolean admitted) {
            this.admitted = admitted;
        }

        /** False when the request arrived over the in-flight limit. */
        boolean admitted() {
            return admitted;
        }

        @Override
        public void close() {
            synchronized (RateLimiter.this) {
                if (closed) {
                    return;
                }
                closed = true;
                concurrent--;
                if (admitted) {
                    inFlight--;
                }
            }
        }
    }

    /** The sliding window and counters of one endpoint. */
    private static final class Endpoint {
        private final ArrayDeque<long[]> window = new ArrayDeque<>(); // {at (epoch nanos), cost}
        private long sum;
        private long maxSum;
        private long requests;
        private long points;
        private long throttled;

        void expire(long now, long windowNanos) {
            while (!window.isEmpty() && window.peekFirst()[0] <= now - windowNanos) {
                sum -= window.pollFirst()[1];
            }
        }

        void add(long now, int cost) {
            window.addLast(new long[] {now, cost});
            sum += cost;
            points += cost;
            maxSum = Math.max(maxSum, sum);
        }

        /** How long until {@code cost} more points fit into the budget (the window has been expired). */
        long waitNanos(int cost, long budget, long now, long windowNanos) {
            if (cost > budget) {
                return windowNanos;
            }
            long mustLeave = sum + cost - budget;
            long freed = 0;
            for (long[] entry : window) {
                freed += entry[1];
                if (freed >= mustLeave) {
                    return entry[0] + windowNanos - now;
                }
            }
            return windowNanos;
        }
    }

    private final EmulatorOptions.Limits limits;
    private final Clock clock;
    private final long minuteNanos;
    private final long hourNanos;
    private final Map<String, Endpoint> endpoints = new TreeMap<>();
    private int inFlight;
    private int concurrent;
    private int maxInFlightSeen;
    private int maxConcurrentSeen;
    private long primaryStart = Long.MIN_VALUE;
    private long primaryUsed;
    private long requests;
    private long throttledPrimary;
    private long throttledInFlight;
    private long throttledPoints;

    RateLimiter(EmulatorOptions.Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.minuteNanos = limits.scaledNanos(MINUTE);
        this.hourNanos = limits.scaledNanos(HOUR);
    }

    EmulatorOptions.Limits limits() {
        return limits;
    }

    /** GET and HEAD cost 1 point, PUT, PATCH, POST and DELETE 5 (GraphQL: see {@link #costOf(String, String)}). */
    static int cost(String method) {
        switch (method) {
            case "PUT":
            case "PATCH":
            case "POST":
            case "DELETE":
                return 5;
            default:
                return 1;
        }
    }

    /** The cost of a request to an endpoint as {@link ApiRouter#endpoint} names it: GraphQL costs 1. */
    static int costOf(String method, String endpoint) {
        return endpoint.equals(ApiRouter.GRAPHQL_ENDPOINT) ? 1 : cost(method);
    }

    /** Seconds for a Retry-After header: rounded up, at least 1. */
    static long seconds(long nanos) {
        long whole = nanos / 1_000_000_000L + (nanos % 1_000_000_000L > 0 ? 1 : 0);
        return Math.max(1, whole);
    }

    private long now() {
        Instant instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** A request's head has been read: counts it in flight unless that would exceed the limit. */
    synchronized Ticket enter() {
        concurrent++;
        maxConcurrentSeen = Math.max(maxConcurrentSeen, concurrent);
        if (limits.enforce() && inFlight >= limits.maxInFlight()) {
            return new Ticket(false);
        }
        inFlight++;
        maxInFlightSeen = Math.max(maxInFlightSeen, inFlight);
        return new Ticket(true);
    }

    /**
     * Decides on a request: primary limit, then in flight (decided at {@link #enter()}), then the
     * endpoint's points. Counts what it lets through.
     */
    synchronized Decision admit(Ticket ticket, String endpointKey, int cost) {
        long now = now();
        if (primaryStart == Long.MIN_VALUE || now - primaryStart >= hourNanos) {
            primaryStart = now;
            primaryUsed = 0;
        }
        long reset = seconds(primaryStart + hourNanos);
        Endpoint endpoint = endpoints.computeIfAbsent(endpointKey, k -> new Endpoint());
        endpoint.requests++;
        if (limits.enforce() && primaryUsed >= limits.primaryLimit()) {
            endpoint.throttled++;
            return new Decision(Throttle.PRIMARY, null, 0, limits.primaryLimit(), primaryUsed, reset);
        }
        primaryUsed++;
        if (!ticket.admitted()) {
            endpoint.throttled++;
            return new Decision(
                    Throttle.SECONDARY,
                    "in_flight",
                    seconds(limits.scaledNanos(IN_FLIGHT_RETRY)),
                    limits.primaryLimit(),
                    primaryUsed,
                    reset);
        }
        endpoint.expire(now, minuteNanos);
        if (limits.enforce() && endpoint.sum + cost > limits.pointsPerMinute()) {
            endpoint.throttled++;
            long wait = endpoint.waitNanos(cost, limits.pointsPerMinute(), now, minuteNanos);
            return new Decision(Throttle.SECONDARY, "points", seconds(wait), limits.primaryLimit(), primaryUsed, reset);
        }
        endpoint.add(now, cost);
        return new Decision(Throttle.NONE, null, 0, limits.primaryLimit(), primaryUsed, reset);
    }

    /** Notes a request that was answered (for limits.json), with how it was throttled. */
    synchronized void answered(Decision decision) {
        requests++;
        if (decision == null) {
            return;
        }
        if (decision.throttle() == Throttle.PRIMARY) {
            throttledPrimary++;
        } else if (decision.throttle() == Throttle.SECONDARY) {
            if ("in_flight".equals(decision.reason())) {
                throttledInFlight++;
            } else {
                throttledPoints++;
            }
        }
    }

    /** The content of limits.json. */
    synchronized ObjectNode report() {
        ObjectNode out = Json.object();
        ObjectNode settings = out.putObject("settings");
        settings.put("enforce", limits.enforce());
        settings.put("max_in_flight", limits.maxInFlight());
        settings.put("points_per_minute", limits.pointsPerMinute());
        settings.put("primary_limit", limits.primaryLimit());
        settings.put("clock_scale", limits.clockScale());
        settings.put("latency_ms", limits.latencyMs());
        settings.put("window_ms", minuteNanos / 1_000_000.0);
        out.put("requests", requests);
        out.put("throttled_secondary", throttledInFlight + throttledPoints);
        out.put("throttled_secondary_in_flight", throttledInFlight);
        out.put("throttled_secondary_points", throttledPoints);
        out.put("throttled_primary", throttledPrimary);
        out.put("max_in_flight_seen", maxInFlightSeen);
        out.put("max_concurrent_seen", maxConcurrentSeen);
        out.put("primary_used", primaryUsed);
        ObjectNode byEndpoint = out.putObject("endpoints");
        endpoints.forEach((key, e) -> {
            ObjectNode node = byEndpoint.putObject(key);
            node.put("requests", e.requests);
            node.put("throttled", e.throttled);
            node.put("points", e.points);
            node.put("max_points_in_window", e.maxSum);
        });
        return out;
    }
}

package dev.spectral.provision.github;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells GitHub's rate limiting from other failures in what gh printed (field notes, "GitHub
 * limits"): a secondary limit is waited out, a spent hourly (primary) limit stops the run. The
 * headers are there only when gh was asked to print them ({@code gh api --include}).
 */
final class Throttling {

    private static final Pattern RETRY_AFTER = Pattern.compile("(?im)^retry-after:\\s*(\\d+)\\s*$");
    private static final Pattern RESET = Pattern.compile("(?im)^x-ratelimit-reset:\\s*(\\d+)\\s*$");
    private static final Pattern REMAINING_ZERO = Pattern.compile("(?im)^x-ratelimit-remaining:\\s*0\\s*$");

    private Throttling() {}

    /** GitHub asks the client to slow down: "secondary rate limit", the older "abuse" wording, or HTTP 429. */
    static boolean secondary(String stderr) {
        String text = stderr.toLowerCase(Locale.ROOT);
        return text.contains("secondary rate limit") || text.contains("abuse") || text.contains("http 429");
    }

    /** The token's hourly limit is spent. */
    static boolean primary(String stderr, String stdout) {
        return !secondary(stderr)
                && (stderr.toLowerCase(Locale.ROOT).contains("api rate limit exceeded")
                        || stderr.contains("HTTP 403")
                                && REMAINING_ZERO.matcher(stdout).find());
    }

    static Optional<Duration> retryAfter(String headers) {
        Matcher m = RETRY_AFTER.matcher(headers);
        return m.find() ? Optional.of(Duration.ofSeconds(Long.parseLong(m.group(1)))) : Optional.empty();
    }

    static Optional<Instant> resetTime(String headers) {
        Matcher m = RESET.matcher(headers);
        return m.find() ? Optional.of(Instant.ofEpochSecond(Long.parseLong(m.group(1)))) : Optional.empty();
    }
}

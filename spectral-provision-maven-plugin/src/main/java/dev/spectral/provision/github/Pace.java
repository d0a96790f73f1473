package dev.spectral.provision.github;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How a run fares against GitHub's rate limits.
 *
 * @param waiting what the run waits for now, for progress lines ("waiting 41 s for GitHub's rate limit")
 * @param throttled requests GitHub throttled so far
 * @param waited time paused for throttling so far
 */
public record Pace(Optional<String> waiting, int throttled, Duration waited) {

    public static final Pace NONE = new Pace(Optional.empty(), 0, Duration.ZERO);

    /** A wait in seconds with one decimal, as the log shows it. */
    public static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }
}

package dev.spectral.provision.config;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period written as a whole number and a unit, {@code 90d}, {@code 12h}, {@code 30m} or {@code 45s}:
 * the max age of a rotation spec and the retention of a key set. Kept as written, for messages.
 *
 * @param text as written
 * @param duration its length
 */
public record Age(String text, Duration duration) {

    /** The grammar, for messages. */
    public static final String FORM = "<n>d, <n>h, <n>m or <n>s (for example 90d)";

    static final Pattern PATTERN = Pattern.compile("(\\d{1,6})([dhms])");

    /** The age written as {@code text}, or empty when it is not of the form {@link #FORM}. */
    public static Optional<Age> parse(String text) {
        Matcher matcher = PATTERN.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(matcher.group(1));
        Duration duration = switch (matcher.group(2)) {
            case "d" -> Duration.ofDays(n);
            case "h" -> Duration.ofHours(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
        return Optional.of(new Age(text.strip(), duration));
    }

    /** Whether something that last changed at {@code changed} is at least this old at {@code now}. */
    public boolean reached(Instant changed, Instant now) {
        return !changed.plus(duration).isAfter(now);
    }

    /** How long ago {@code changed} was, for messages: {@code 61 days}, {@code 1 day}, {@code 5 hours}. */
    public static String since(Instant changed, Instant now) {
        Duration age = Duration.between(changed, now);
        long days = age.toDays();
        return days >= 1 ? days + (days == 1 ? " day" : " days") : age.toHours() + " hours";
    }

    @Override
    public String toString() {
        return text;
    }
}

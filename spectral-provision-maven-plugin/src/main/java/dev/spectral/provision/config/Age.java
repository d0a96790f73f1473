package dev.spectral.provision.config;

import java.time.Duration;
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

    @Override
    public String toString() {
        return text;
    }
}

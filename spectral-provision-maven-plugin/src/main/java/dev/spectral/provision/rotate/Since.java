package dev.spectral.provision.rotate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * {@code -Dspectral.rotate.since}: the suspected start of an incident, which opens the window of the
 * audit surfaces the incident record lists. An ISO-8601 instant ({@code 2026-03-01T12:00:00Z}), a
 * date-time with an offset ({@code 2026-03-01T14:00:00+02:00}) or a date ({@code 2026-03-01}: its start, UTC).
 */
public final class Since {

    private Since() {}

    public static Optional<Instant> parse(Optional<String> text) throws RotationException {
        Optional<String> given = text.map(String::strip).filter(s -> !s.isEmpty());
        if (given.isEmpty()) {
            return Optional.empty();
        }
        String value = given.get();
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException notAnInstant) {
            try {
                return Optional.of(OffsetDateTime.parse(value).toInstant());
            } catch (DateTimeParseException notWithOffset) {
                try {
                    return Optional.of(
                            LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
                } catch (DateTimeParseException e) {
                    throw new RotationException(
                            RotationException.Cause.CONFIGURATION,
                            "-Dspectral.rotate.since must be an "
                                    + "ISO-8601 instant (2026-03-01T12:00:00Z) or date (2026-03-01), the suspected start of the incident; it is '"
                                    + value + "'. Nothing was written",
                            e);
                }
            }
        }
    }
}

package dev.spectral.it.github;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The emulator's time: a base clock (real time by default) plus an offset that tests can
 * advance, at whole-second precision. Write stamps never repeat: each is max(now, last + 1s).
 */
final class EmulatorClock {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final Clock base;
    private Duration advanced = Duration.ZERO;
    private Duration fileOffset = Duration.ZERO;
    private Instant lastWrite = Instant.EPOCH;

    EmulatorClock(Clock base) {
        this.base = base;
    }

    static EmulatorClock system() {
        return new EmulatorClock(Clock.systemUTC());
    }

    synchronized Instant now() {
        return base.instant().plus(advanced).plus(fileOffset).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Moves time forward (or back, for a negative duration) from now on. */
    synchronized void advance(Duration by) {
        advanced = advanced.plus(by);
    }

    /** The offset read from clock.json; replaces the previous file offset (it is not cumulative). */
    synchronized void setFileOffset(Duration offset) {
        fileOffset = offset;
    }

    /** A timestamp for a write: never equal to or before the previous write's. */
    synchronized Instant nextWrite() {
        Instant candidate = now();
        if (!candidate.isAfter(lastWrite)) {
            candidate = lastWrite.plusSeconds(1);
        }
        lastWrite = candidate;
        return candidate;
    }

    /** Notes a stamp found in loaded state, so later writes come after it. */
    synchronized void observe(Instant stamp) {
        if (stamp.isAfter(lastWrite)) {
            lastWrite = stamp;
        }
    }

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    static Instant parse(String text) {
        return Instant.parse(text);
    }
}

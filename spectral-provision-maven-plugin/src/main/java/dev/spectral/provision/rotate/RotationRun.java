package dev.spectral.provision.rotate;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The facts of one rotate run that its record states: what was selected, from which file, when, the
 * suspected start of the incident, and how prompted values were supplied.
 *
 * @param selection what was selected
 * @param file the environments file, as shown to the user
 * @param at when the run planned (the end of the audit window)
 * @param since the suspected start of the incident, when given
 * @param valueFrom the {@code spectral.valueFrom} pattern, when given (never a value: it names variables)
 * @param dryRun nothing is written
 * @param rollover how keys with a public key set roll over
 */
public record RotationRun(
        Selection selection,
        String file,
        Instant at,
        Optional<Instant> since,
        Optional<String> valueFrom,
        boolean dryRun,
        RolloverOptions rollover) {

    public RotationRun {
        Objects.requireNonNull(selection);
        Objects.requireNonNull(file);
        Objects.requireNonNull(at);
        Objects.requireNonNull(since);
        Objects.requireNonNull(valueFrom);
        Objects.requireNonNull(rollover);
    }
}

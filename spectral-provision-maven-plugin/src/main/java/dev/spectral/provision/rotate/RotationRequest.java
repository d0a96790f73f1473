package dev.spectral.provision.rotate;

import dev.spectral.provision.publish.ProvisionRequest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What to rotate and how.
 *
 * @param selection the keys: named, all, or those reading an item or vault; with the environment
 * @param dryRun show the plan and what would be written where; write nothing
 * @param assumeYes do not ask for confirmation
 * @param valueFrom {@code env:NAME}, or a pattern {@code env:NEW_{KEY}}: for {@code prompt} keys, take the value from that
 *     environment variable
 * @param since the suspected start of the incident, for the record's audit window
 * @param publishing how to republish (local environments, .env path, creating environments)
 * @param rollover how the keys with a public key set roll over
 */
public record RotationRequest(
        Selection selection,
        boolean dryRun,
        boolean assumeYes,
        Optional<String> valueFrom,
        Optional<Instant> since,
        ProvisionRequest publishing,
        RolloverOptions rollover) {

    public RotationRequest {
        Objects.requireNonNull(selection);
        Objects.requireNonNull(valueFrom);
        Objects.requireNonNull(since);
        Objects.requireNonNull(publishing);
        Objects.requireNonNull(rollover);
    }

    /** A request with the default rollover: one phase, keys kept {@link RolloverOptions#DEFAULT_RETAIN}. */
    public RotationRequest(
            Selection selection,
            boolean dryRun,
            boolean assumeYes,
            Optional<String> valueFrom,
            Optional<Instant> since,
            ProvisionRequest publishing) {
        this(selection, dryRun, assumeYes, valueFrom, since, publishing, RolloverOptions.DEFAULT);
    }
}

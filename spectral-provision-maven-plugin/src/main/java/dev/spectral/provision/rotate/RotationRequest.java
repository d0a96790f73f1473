package dev.spectral.provision.rotate;

import dev.spectral.provision.publish.ProvisionRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * What to rotate and how.
 *
 * @param key the key, which must have a {@code [rotation]} spec
 * @param environment the environment, required for {@code per-env} keys
 * @param dryRun show the plan and what would be written where; write nothing
 * @param assumeYes do not ask for confirmation
 * @param valueFrom {@code env:NAME}: for a {@code prompt} key, take the value from that environment variable
 * @param publishing how to republish (local environments, .env path, creating environments)
 */
public record RotationRequest(String key, Optional<String> environment, boolean dryRun, boolean assumeYes,
        Optional<String> valueFrom, ProvisionRequest publishing) {

    public RotationRequest {
        Objects.requireNonNull(key);
        Objects.requireNonNull(environment);
        Objects.requireNonNull(valueFrom);
        Objects.requireNonNull(publishing);
    }
}

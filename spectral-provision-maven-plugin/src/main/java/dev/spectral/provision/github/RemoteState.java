package dev.spectral.provision.github;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What an environment holds in GitHub. Secret values cannot be read, only their names and update
 * times; variable values can. Names are upper-case, as GitHub stores them.
 */
public record RemoteState(Map<String, Instant> secrets, Map<String, String> variables) {

    public RemoteState {
        secrets = Map.copyOf(secrets);
        variables = Map.copyOf(variables);
    }

    public static RemoteState empty() {
        return new RemoteState(Map.of(), Map.of());
    }

    public boolean hasSecret(String name) {
        return secrets.containsKey(name);
    }

    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }
}

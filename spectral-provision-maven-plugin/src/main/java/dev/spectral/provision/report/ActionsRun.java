package dev.spectral.provision.report;

import java.util.Map;
import java.util.Optional;

/** The GitHub Actions run a goal runs in, read from the environment it is given (never System.getenv here). */
public final class ActionsRun {

    private ActionsRun() {}

    /** {@code $GITHUB_SERVER_URL/$GITHUB_REPOSITORY/actions/runs/$GITHUB_RUN_ID}, when all three are set. */
    public static Optional<String> url(Map<String, String> environment) {
        String server = environment.getOrDefault("GITHUB_SERVER_URL", "");
        String repository = environment.getOrDefault("GITHUB_REPOSITORY", "");
        String run = environment.getOrDefault("GITHUB_RUN_ID", "");
        if (server.isBlank() || repository.isBlank() || run.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(server.replaceAll("/+$", "") + "/" + repository + "/actions/runs/" + run);
    }
}

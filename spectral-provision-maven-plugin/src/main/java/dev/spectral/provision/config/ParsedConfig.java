package dev.spectral.provision.config;

import java.util.List;

/**
 * What parsing gave: the model of everything that could be read, and the problems of the rest.
 * An entry with a problem is left out of the model, so the other checks still see the good ones.
 */
public record ParsedConfig(Config config, List<Finding> problems) {

    public ParsedConfig {
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Finding::isError);
    }
}

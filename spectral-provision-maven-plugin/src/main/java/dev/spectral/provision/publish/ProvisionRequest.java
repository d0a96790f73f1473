package dev.spectral.provision.publish;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What to provision and how.
 *
 * @param selection the {@code -Denv} value: a name, a comma list, or {@code all}
 * @param localEnvironments environments written to the {@code .env} instead of GitHub
 * @param dotEnvFile where a local environment is written
 * @param options how to run; none: write what the plan says, create and delete nothing it does not
 */
public record ProvisionRequest(String selection, Set<String> localEnvironments, Path dotEnvFile, Set<Option> options) {

    /** How a run departs from a plain one. */
    public enum Option {
        /** Resolve and plan, write nothing. */
        DRY_RUN,
        /** Delete names in GitHub that the file does not have. */
        PRUNE,
        /** Create a GitHub Environment that does not exist. */
        CREATE_ENVIRONMENTS,
        /** Write every secret, also those GitHub set after their item last changed. */
        FORCE
    }

    public ProvisionRequest {
        Objects.requireNonNull(selection);
        localEnvironments = Set.copyOf(localEnvironments);
        Objects.requireNonNull(dotEnvFile);
        options = options.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(options));
    }

    public boolean dryRun() {
        return options.contains(Option.DRY_RUN);
    }

    public boolean prune() {
        return options.contains(Option.PRUNE);
    }

    public boolean createEnvironments() {
        return options.contains(Option.CREATE_ENVIRONMENTS);
    }

    public boolean force() {
        return options.contains(Option.FORCE);
    }

    public boolean isLocal(String environment) {
        return localEnvironments.contains(environment);
    }

    /** The same request for other environments, without the given options. */
    public ProvisionRequest forEnvironments(String selection, Option... without) {
        Set<Option> kept = options.isEmpty() ? EnumSet.noneOf(Option.class) : EnumSet.copyOf(options);
        kept.removeAll(Arrays.asList(without));
        return new ProvisionRequest(selection, localEnvironments, dotEnvFile, kept);
    }

    /** The command that runs the same provisioning again for the given environments. */
    public String rerunCommand(Collection<String> environments) {
        return "mvn spectral:provision -Denv=" + String.join(",", environments) + (prune() ? " -Dspectral.prune" : "")
                + (createEnvironments() ? " -Dspectral.createEnvironments" : "") + (force() ? " -Dspectral.force" : "");
    }
}

package dev.spectral.provision.publish;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * What to provision and how.
 *
 * @param selection the {@code -Denv} value: a name, a comma list, or {@code all}
 * @param localEnvironments environments written to the {@code .env} instead of GitHub
 * @param dotEnvFile where a local environment is written
 * @param dryRun resolve and plan, write nothing
 * @param prune delete names in GitHub that the file does not have
 * @param createEnvironments create a GitHub Environment that does not exist
 * @param force write every secret, also those GitHub set after their item last changed
 */
public record ProvisionRequest(String selection, Set<String> localEnvironments, Path dotEnvFile, boolean dryRun,
        boolean prune, boolean createEnvironments, boolean force) {

    public ProvisionRequest {
        Objects.requireNonNull(selection);
        localEnvironments = Set.copyOf(localEnvironments);
        Objects.requireNonNull(dotEnvFile);
    }

    public boolean isLocal(String environment) {
        return localEnvironments.contains(environment);
    }

    /** The command that runs the same provisioning again for the given environments. */
    public String rerunCommand(java.util.Collection<String> environments) {
        return "mvn spectral:provision -Denv=" + String.join(",", environments) + (prune ? " -Dspectral.prune" : "")
                + (createEnvironments ? " -Dspectral.createEnvironments" : "") + (force ? " -Dspectral.force" : "");
    }
}

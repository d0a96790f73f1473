package dev.spectral.provision.github;

import dev.spectral.provision.secret.SecretValue;
import java.util.Map;
import java.util.function.IntConsumer;

/** The GitHub Environment side of one repository: list, set and delete secrets and variables. */
public interface GitHub {

    /** {@code OWNER/REPO}, as given or as gh's default for the working directory. */
    String repository() throws GitHubException;

    boolean environmentExists(String environment) throws GitHubException;

    void createEnvironment(String environment) throws GitHubException;

    /** Every secret name and variable of the environment, all pages. */
    RemoteState list(String environment) throws GitHubException;

    void setSecret(String environment, String name, SecretValue value) throws GitHubException;

    /**
     * Sets many secrets of one environment in as few calls as GitHub's limits allow. Only for values
     * that {@link BulkSecrets#passesUnchanged(SecretValue)} accepts.
     *
     * @param written told how many more were set, as they are
     * @return the names that failed, each with a short reason; empty when all were set
     */
    Map<String, String> setSecrets(String environment, Map<String, SecretValue> secrets, IntConsumer written)
            throws GitHubException;

    void createVariable(String environment, String name, String value) throws GitHubException;

    void updateVariable(String environment, String name, String value) throws GitHubException;

    void deleteSecret(String environment, String name) throws GitHubException;

    void deleteVariable(String environment, String name) throws GitHubException;

    /** How the run fares against GitHub's rate limits, for progress lines and the summary. */
    default Pace pace() {
        return Pace.NONE;
    }
}

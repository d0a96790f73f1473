package dev.spectral.provision.github;

import dev.spectral.provision.secret.SecretValue;
import java.util.Map;

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
     * Sets many secrets of one environment in one call. Only for values that
     * {@link BulkSecrets#passesUnchanged(SecretValue)} accepts.
     *
     * @return the names that failed, each with its error; empty when all were set
     */
    Map<String, String> setSecrets(String environment, Map<String, SecretValue> secrets) throws GitHubException;

    void createVariable(String environment, String name, String value) throws GitHubException;

    void updateVariable(String environment, String name, String value) throws GitHubException;

    void deleteSecret(String environment, String name) throws GitHubException;

    void deleteVariable(String environment, String name) throws GitHubException;
}

package dev.spectral.provision.maven;

import dev.spectral.provision.config.Config;
import dev.spectral.provision.publish.ProvisionException;
import dev.spectral.provision.publish.ProvisionOutcome;
import dev.spectral.provision.publish.ProvisionRequest;
import dev.spectral.provision.report.ProvisionReport;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Resolves the references of the selected environments with {@code op} and publishes them to the
 * GitHub Environments of the same names with {@code gh}: a referenced value becomes a secret, a
 * literal a variable. A local environment ({@code dev}) is written to a gitignored {@code .env}
 * instead. Prints the plan first; {@code -DdryRun} stops there and writes nothing.
 */
@Mojo(name = "provision", defaultPhase = LifecyclePhase.DEPLOY, aggregator = true, threadSafe = true)
public class ProvisionMojo extends AbstractPublishingMojo {

    /** The environment(s): one name, a comma list ({@code production,staging}), or {@code all}. */
    @Parameter(property = PropertyNames.ENV)
    String env;

    /** Delete secrets and variables that GitHub has and the file does not (otherwise they are listed). */
    @Parameter(property = PropertyNames.PRUNE, defaultValue = "false")
    boolean prune;

    /** Write every secret, also those GitHub set after their 1Password item last changed. */
    @Parameter(property = PropertyNames.FORCE, defaultValue = "false")
    boolean force;

    @Override
    String goal() {
        return "provision";
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException, ProvisionException {
        Config config = checkedConfig();
        try (Engine engine = engine()) {
            ProvisionRequest request = provisionRequest(env == null ? "" : env, prune, force);
            ProvisionOutcome outcome = engine.provisioner.provision(config, request);
            ProvisionReport report = ProvisionReport.of(outcome);
            report("provision-report.json", report, report.markdown());
            if (!outcome.failures().isEmpty()) {
                throw new MojoExecutionException(outcome.failures().size() + " change(s) failed; current: "
                        + outcome.currentEnvironments() + ", incomplete: " + outcome.incompleteEnvironments()
                        + ". The values are safe in 1Password; finish with: "
                        + request.rerunCommand(outcome.incompleteEnvironments()));
            }
            getLog().info(
                            outcome.dryRun()
                                    ? "Dry run: nothing was written."
                                    : "Provisioned " + outcome.environments().keySet() + " in "
                                            + outcome.duration().toMillis() + " ms");
        }
    }
}

package dev.spectral.provision.maven;

import dev.spectral.provision.config.Config;
import dev.spectral.provision.github.GhCli;
import dev.spectral.provision.log.Log;
import dev.spectral.provision.log.RedactingLog;
import dev.spectral.provision.onepassword.OpCli;
import dev.spectral.provision.process.ChildEnvironment;
import dev.spectral.provision.process.ProcessRunner;
import dev.spectral.provision.publish.DotEnvWriter;
import dev.spectral.provision.publish.ProvisionException;
import dev.spectral.provision.publish.ProvisionOutcome;
import dev.spectral.provision.publish.ProvisionRequest;
import dev.spectral.provision.publish.Provisioner;
import dev.spectral.provision.report.ProvisionReport;
import dev.spectral.provision.report.ReportWriter;
import dev.spectral.provision.secret.Redactor;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
public class ProvisionMojo extends AbstractSpectralMojo {

    /** The environment(s): one name, a comma list ({@code production,staging}), or {@code all}. */
    @Parameter(property = PropertyNames.ENV)
    String env;

    /** Resolve the references and print the plan, but write nothing. */
    @Parameter(property = PropertyNames.DRY_RUN, defaultValue = "false")
    boolean dryRun;

    /** The GitHub repository, {@code OWNER/REPO}; by default gh's default for the working directory. */
    @Parameter(property = PropertyNames.REPO)
    String repo;

    /** How many gh calls run at once. */
    @Parameter(property = PropertyNames.PARALLELISM, defaultValue = "8")
    int parallelism;

    /** Create a GitHub Environment that does not exist yet (otherwise the run stops). */
    @Parameter(property = PropertyNames.CREATE_ENVIRONMENTS, defaultValue = "false")
    boolean createEnvironments;

    /** Delete secrets and variables that GitHub has and the file does not (otherwise they are listed). */
    @Parameter(property = PropertyNames.PRUNE, defaultValue = "false")
    boolean prune;

    /** Where a local environment is written. */
    @Parameter(property = PropertyNames.ENV_FILE, defaultValue = "${session.topLevelProject.basedir}/.env")
    File envFile;

    /** The 1Password CLI to run. */
    @Parameter(property = PropertyNames.OP, defaultValue = "op")
    String op;

    /** The GitHub CLI to run. */
    @Parameter(property = PropertyNames.GH, defaultValue = "gh")
    String gh;

    /** Seconds one op or gh call may take before it is killed. */
    @Parameter(property = PropertyNames.TIMEOUT, defaultValue = "120")
    int timeout;

    /** Where the JSON report is written. */
    @Parameter(defaultValue = "${project.build.directory}/spectral", readonly = true)
    File reportDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("spectral:provision skipped (" + PropertyNames.SKIP + ")");
            return;
        }
        if (parallelism < 1) {
            throw new MojoFailureException("spectral.parallelism must be at least 1 (it is " + parallelism + ")");
        }
        Config config = checkedConfig();
        Redactor redactor = new Redactor();
        Log log = new RedactingLog(new MavenLog(getLog()), redactor);
        ProcessRunner runner = new ProcessRunner(executionRoot.toPath(), ChildEnvironment.from(System.getenv()), log, redactor);
        Duration callTimeout = Duration.ofSeconds(timeout);
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            Provisioner provisioner = new Provisioner(
                    new OpCli(runner, op, callTimeout, redactor),
                    new GhCli(runner, gh, Optional.ofNullable(repo).filter(r -> !r.isBlank()), callTimeout, redactor),
                    new DotEnvWriter(runner), pool, log);
            ProvisionRequest request = new ProvisionRequest(env == null ? "" : env, Set.copyOf(localEnvironments),
                    envFile.toPath(), dryRun, prune, createEnvironments);
            ProvisionOutcome outcome = provisioner.provision(config, request);
            report(outcome);
            if (!outcome.failures().isEmpty()) {
                throw new MojoExecutionException(outcome.failures().size() + " change(s) failed; current: "
                        + outcome.currentEnvironments() + ", incomplete: " + outcome.incompleteEnvironments()
                        + ". The values are safe in 1Password; finish with: " + request.rerunCommand(outcome.incompleteEnvironments()));
            }
            getLog().info(outcome.dryRun() ? "Dry run: nothing was written." : "Provisioned " + outcome.environments().keySet()
                    + " in " + outcome.duration().toMillis() + " ms");
        } catch (ProvisionException e) {
            if (e.reason() == ProvisionException.Cause.CONFIGURATION) {
                throw new MojoFailureException(redactor.redact(e.getMessage()));
            }
            throw new MojoExecutionException(redactor.redact(e.getMessage()));
        } finally {
            pool.shutdownNow();
        }
    }

    private void report(ProvisionOutcome outcome) throws MojoExecutionException {
        ProvisionReport report = ProvisionReport.of(outcome);
        Path json = reportDirectory.toPath().resolve("provision-report.json");
        try {
            ReportWriter.writeJson(json, report);
            ReportWriter.appendStepSummary(Optional.ofNullable(System.getenv("GITHUB_STEP_SUMMARY")).map(Path::of), report.markdown());
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the report " + json + ": " + e.getMessage(), e);
        }
        getLog().info("Report: " + Paths.displayName(json, executionRoot.toPath()));
    }
}

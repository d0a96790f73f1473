package dev.spectral.provision.maven;

import dev.spectral.provision.publish.ProvisionRequest;
import dev.spectral.provision.report.ReportWriter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters of the goals that publish (provision, rotate), and their wiring. */
abstract class AbstractPublishingMojo extends AbstractSpectralMojo {

    /** Resolve and print the plan, but write nothing. */
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

    /** Where the JSON reports are written. */
    @Parameter(defaultValue = "${project.build.directory}/spectral", readonly = true)
    File reportDirectory;

    Engine engine() throws MojoFailureException {
        if (parallelism < 1) {
            throw new MojoFailureException(PropertyNames.PARALLELISM + " must be at least 1 (it is " + parallelism + ")");
        }
        if (timeout < 1) {
            throw new MojoFailureException(PropertyNames.TIMEOUT + " must be at least 1 second (it is " + timeout + ")");
        }
        return new Engine(getLog(), executionRoot.toPath(), op, gh, Optional.ofNullable(repo).filter(r -> !r.isBlank()),
                parallelism, Duration.ofSeconds(timeout));
    }

    ProvisionRequest provisionRequest(String selection, boolean prune) {
        return new ProvisionRequest(selection, Set.copyOf(localEnvironments), envFile.toPath(), dryRun, prune, createEnvironments);
    }

    /** Writes the JSON report and, on GitHub Actions, appends the step summary. */
    void report(String name, Object report, String markdown) throws MojoExecutionException {
        Path json = reportDirectory.toPath().resolve(name);
        try {
            ReportWriter.writeJson(json, report);
            ReportWriter.appendStepSummary(Optional.ofNullable(System.getenv("GITHUB_STEP_SUMMARY")).map(Path::of), markdown);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the report " + json + ": " + e.getMessage(), e);
        }
        getLog().info("Report: " + Paths.displayName(json, executionRoot.toPath()));
    }
}

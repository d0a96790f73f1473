package dev.spectral.provision.maven;

import dev.spectral.provision.SpectralException;
import dev.spectral.provision.publish.ProvisionRequest;
import dev.spectral.provision.report.StoppedReport;
import java.io.File;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters of the goals that publish (provision, rotate). */
abstract class AbstractPublishingMojo extends AbstractSpectralMojo {

    /** Resolve and print the plan, but write nothing. */
    @Parameter(property = PropertyNames.DRY_RUN, defaultValue = "false")
    boolean dryRun;

    /** Create a GitHub Environment that does not exist yet (otherwise the run stops). */
    @Parameter(property = PropertyNames.CREATE_ENVIRONMENTS, defaultValue = "false")
    boolean createEnvironments;

    /** Where a local environment is written. */
    @Parameter(property = PropertyNames.ENV_FILE, defaultValue = "${session.topLevelProject.basedir}/.env")
    File envFile;

    /** A goal that stopped before its plan still leaves a report saying why; then the Maven exception. */
    MojoExecutionException stopped(Engine engine, String goal, SpectralException e)
            throws MojoExecutionException, MojoFailureException {
        StoppedReport report = new StoppedReport(goal, e.reason().name(), engine.masked(e));
        report(goal + "-report.json", report, report.markdown());
        return engine.fail(e);
    }

    ProvisionRequest provisionRequest(String selection, boolean prune, boolean force) {
        return new ProvisionRequest(selection, Set.copyOf(localEnvironments), envFile.toPath(), dryRun, prune, createEnvironments,
                force);
    }
}

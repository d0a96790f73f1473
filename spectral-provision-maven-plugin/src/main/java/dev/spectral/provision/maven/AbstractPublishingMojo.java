package dev.spectral.provision.maven;

import dev.spectral.provision.SpectralException;
import dev.spectral.provision.publish.ProvisionRequest;
import dev.spectral.provision.report.StoppedReport;
import java.io.File;
import java.util.EnumSet;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
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

    /** A goal that stopped before its plan still leaves a report saying why. */
    @Override
    void stopped(SpectralException.Cause reason, String maskedMessage) throws MojoExecutionException {
        StoppedReport report = new StoppedReport(goal(), reason.name(), maskedMessage);
        report(goal() + "-report.json", report, report.markdown());
    }

    ProvisionRequest provisionRequest(String selection, boolean prune, boolean force) {
        Set<ProvisionRequest.Option> options = EnumSet.noneOf(ProvisionRequest.Option.class);
        if (dryRun) {
            options.add(ProvisionRequest.Option.DRY_RUN);
        }
        if (prune) {
            options.add(ProvisionRequest.Option.PRUNE);
        }
        if (createEnvironments) {
            options.add(ProvisionRequest.Option.CREATE_ENVIRONMENTS);
        }
        if (force) {
            options.add(ProvisionRequest.Option.FORCE);
        }
        return new ProvisionRequest(selection, Set.copyOf(localEnvironments), envFile.toPath(), options);
    }
}

package dev.spectral.provision.maven;

import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.Finding;
import dev.spectral.provision.report.VerifyReport;
import dev.spectral.provision.verify.FailOn;
import dev.spectral.provision.verify.Verification;
import dev.spectral.provision.verify.remote.RemoteVerifier;
import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Guards CI. Offline (the default, safe in a pull-request build: no {@code op}, no {@code gh}, no
 * network): syntax and types, names, GitHub's limits, references, rotation specs, local-environment
 * isolation, literals that look like secrets, and workflows that expose a provisioned environment to
 * pull requests. With {@code -Dspectral.verify.remote} (for a scheduled or main-branch job with
 * credentials): every reference resolves, GitHub holds every key with the right kind and value, stale
 * names, and secrets rotated in 1Password but not republished. Reports every finding at once, writes
 * {@code target/spectral/verify-report.json}, and fails the build on errors (or warnings, with
 * {@code failOn=warning}).
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMojo extends AbstractSpectralMojo {

    /** Also check 1Password and GitHub (needs op and gh signed in); for scheduled or main-branch jobs, never pull requests. */
    @Parameter(property = PropertyNames.VERIFY_REMOTE, defaultValue = "false")
    boolean remote;

    /** {@code error}: fail on errors only; {@code warning}: fail on warnings too. */
    @Parameter(property = PropertyNames.VERIFY_FAIL_ON, defaultValue = "error")
    String failOn;

    /**
     * The GitHub Actions workflows checked for pull-request triggers of provisioned environments. By
     * default the nearest {@code .github/workflows} at or above the project (the repository's); none, no check.
     */
    @Parameter(property = PropertyNames.WORKFLOWS)
    File workflows;

    @Override
    String goal() {
        return "verify";
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        FailOn failing;
        try {
            failing = FailOn.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(PropertyNames.VERIFY_FAIL_ON + ": " + e.getMessage(), e);
        }
        if (file == null && !Files.exists(environmentsFile())) {
            // As jacoco skips a module without execution data: a plugin bound in a parent pom reaches every module.
            getLog().info("spectral:verify skipped: this module has no " + DEFAULT_FILE + " (set <file> or -D"
                    + PropertyNames.FILE + " to check another file)");
            return;
        }
        List<Finding> offline = new ArrayList<>();
        Config config = check(offline).config();
        Verification verification = new Verification(
                Set.copyOf(localEnvironments), p -> DisplayPaths.displayName(p, executionRoot.toPath()));
        Verification.Outcome outcome;
        try (Engine engine = remote ? engine() : null) {
            outcome = verification.run(
                    config,
                    offline,
                    Optional.ofNullable(workflows).map(File::toPath),
                    basedir.toPath(),
                    Optional.ofNullable(engine).map(e -> new RemoteVerifier(e.op, e.github, e.keySets, e.clock)),
                    failing);
        }
        if (outcome.workflows().isEmpty()) {
            getLog().info("No .github/workflows at or above " + basedir + ": CI gating is not checked");
        }
        log(outcome.findings());
        VerifyReport report =
                VerifyReport.of(shownFile(), remote, failing.word(), outcome.findings(), outcome.failed());
        report("verify-report.json", report, report.markdown());
        String summary = shownFile() + ": " + outcome.errors() + " error(s), " + outcome.warnings() + " warning(s)";
        if (outcome.failed()) {
            throw new MojoFailureException(
                    "spectral:verify found problems in " + summary + "; each is listed above with its fix");
        }
        getLog().info("spectral:verify " + summary + (remote ? " (remote checks included)" : ""));
    }
}

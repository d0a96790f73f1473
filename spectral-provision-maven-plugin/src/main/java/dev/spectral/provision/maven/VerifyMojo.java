package dev.spectral.provision.maven;

import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.Environment;
import dev.spectral.provision.config.Finding;
import dev.spectral.provision.report.VerifyReport;
import dev.spectral.provision.verify.remote.RemoteVerifier;
import dev.spectral.provision.verify.workflow.WorkflowGatingCheck;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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

    private static final Set<String> FAIL_ON = Set.of("error", "warning");

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
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("spectral:verify skipped (" + PropertyNames.SKIP + ")");
            return;
        }
        if (!FAIL_ON.contains(failOn)) {
            throw new MojoFailureException(PropertyNames.VERIFY_FAIL_ON + " must be error or warning (it is '" + failOn + "')");
        }
        if (file == null && !Files.exists(environmentsFile())) {
            // As jacoco skips a module without execution data: a plugin bound in a parent pom reaches every module.
            getLog().info("spectral:verify skipped: this module has no " + DEFAULT_FILE + " (set <file> or -D"
                    + PropertyNames.FILE + " to check another file)");
            return;
        }
        List<Finding> findings = new ArrayList<>();
        Config config = check(findings).config();
        Set<String> published = config.environments().stream().map(Environment::name)
                .filter(name -> !localEnvironments.contains(name)).collect(Collectors.toSet());
        Optional<Path> workflowsFolder = workflows != null ? Optional.of(workflows.toPath())
                : WorkflowGatingCheck.nearestWorkflows(basedir.toPath());
        if (workflowsFolder.isPresent()) {
            findings.addAll(new WorkflowGatingCheck(workflowsFolder.get(), p -> Paths.displayName(p, executionRoot.toPath()))
                    .check(published));
        } else {
            getLog().info("No .github/workflows at or above " + basedir + ": CI gating is not checked");
        }
        if (remote) {
            try (Engine engine = engine()) {
                findings.addAll(new RemoteVerifier(engine.op, engine.github).verify(config, Set.copyOf(localEnvironments)));
            }
        }
        findings.sort(Comparator.comparing((Finding f) -> f.position().file()).thenComparingInt(f -> f.position().line()));
        log(findings);

        long errors = findings.stream().filter(Finding::isError).count();
        long warnings = findings.size() - errors;
        boolean failed = errors > 0 || "warning".equals(failOn) && warnings > 0;
        VerifyReport report = VerifyReport.of(shownFile(), remote, failOn, findings, failed);
        report("verify-report.json", report, report.markdown());
        String summary = shownFile() + ": " + errors + " error(s), " + warnings + " warning(s)";
        if (failed) {
            throw new MojoFailureException("spectral:verify found problems in " + summary + "; each is listed above with its fix");
        }
        getLog().info("spectral:verify " + summary + (remote ? " (remote checks included)" : ""));
    }
}

package dev.spectral.provision.maven;

import dev.spectral.provision.config.Finding;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Checks {@code environments.toml} offline: syntax and types, names, GitHub's limits, references,
 * rotation specs, local-environment isolation, and literals that look like secrets. Runs no
 * {@code op}, no {@code gh} and needs no network, so it is safe in a pull-request build.
 * Reports every finding at once and fails the build on errors.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMojo extends AbstractSpectralMojo {

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("spectral:verify skipped (" + PropertyNames.SKIP + ")");
            return;
        }
        List<Finding> findings = new ArrayList<>();
        check(findings);
        long errors = findings.stream().filter(Finding::isError).count();
        String summary = shownFile() + ": " + errors + " error(s), " + (findings.size() - errors) + " warning(s)";
        if (errors > 0) {
            throw new MojoFailureException("spectral:verify found problems in " + summary + "; each is listed above with its fix");
        }
        getLog().info("spectral:verify " + summary);
    }
}

package dev.spectral.provision.maven;

import dev.spectral.generators.GeneratorRegistry;
import dev.spectral.generators.GeneratorRegistryException;
import dev.spectral.provision.config.ConfigParser;
import dev.spectral.provision.config.Finding;
import dev.spectral.provision.verify.Verifier;
import dev.spectral.provision.verify.VerifySettings;
import java.io.File;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks {@code environments.toml} offline: syntax and types, names, GitHub's limits, references,
 * rotation specs, local-environment isolation, and literals that look like secrets. Runs no
 * {@code op}, no {@code gh} and needs no network, so it is safe in a pull-request build.
 * Reports every finding at once and fails the build on errors.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMojo extends AbstractMojo {

    /** The environments file. */
    @Parameter(property = PropertyNames.FILE, defaultValue = "${project.basedir}/infra/environments.toml")
    private File file;

    /** Vaults that references may read from; empty allows any vault. */
    @Parameter(property = PropertyNames.VAULTS)
    private List<String> vaults = List.of();

    /** Environments written to a local {@code .env} rather than published to GitHub. */
    @Parameter(property = PropertyNames.LOCAL_ENVIRONMENTS, defaultValue = "dev")
    private List<String> localEnvironments = List.of("dev");

    /** 1Password items ({@code vault/item}) that a local environment may share with a published one. */
    @Parameter(property = PropertyNames.ALLOWED_SHARED_ITEMS)
    private List<String> allowedSharedItems = List.of();

    /** Skips the goal. */
    @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
    private boolean skip;

    /** Where the build was started, so that messages name the file as the user sees it. */
    @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true)
    private File executionRoot;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("spectral:verify skipped (" + PropertyNames.SKIP + ")");
            return;
        }
        String shown = Paths.displayName(file.toPath(), executionRoot.toPath());
        VerifySettings settings = new VerifySettings(
                Set.copyOf(vaults), Set.copyOf(localEnvironments), Set.copyOf(allowedSharedItems), generatorIds());
        List<Finding> findings = Verifier.offline().verify(ConfigParser.parse(file.toPath(), shown), settings);

        long errors = findings.stream().filter(Finding::isError).count();
        long warnings = findings.size() - errors;
        for (Finding finding : findings) {
            if (finding.isError()) {
                getLog().error(finding.format());
            } else {
                getLog().warn(finding.format());
            }
        }
        String summary = shown + ": " + errors + " error(s), " + warnings + " warning(s)";
        if (errors > 0) {
            throw new MojoFailureException("spectral:verify found problems in " + summary + "; each is listed above with its fix");
        }
        getLog().info("spectral:verify " + summary);
    }

    private Set<String> generatorIds() throws MojoFailureException {
        try {
            return Set.copyOf(GeneratorRegistry.load(getClass().getClassLoader()).ids());
        } catch (GeneratorRegistryException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}

package dev.spectral.provision.maven;

import dev.spectral.generators.GeneratorRegistry;
import dev.spectral.generators.GeneratorRegistryException;
import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.ConfigParser;
import dev.spectral.provision.config.Finding;
import dev.spectral.provision.config.ParsedConfig;
import dev.spectral.provision.verify.Verifier;
import dev.spectral.provision.verify.VerifySettings;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters every goal shares, and reading the file through the offline checks. */
abstract class AbstractSpectralMojo extends AbstractMojo {

    /** The environments file. */
    @Parameter(property = PropertyNames.FILE, defaultValue = "${project.basedir}/infra/environments.toml")
    File file;

    /** Vaults that references may read from; empty allows any vault. */
    @Parameter(property = PropertyNames.VAULTS)
    List<String> vaults = List.of();

    /** Environments written to a local {@code .env} rather than published to GitHub. */
    @Parameter(property = PropertyNames.LOCAL_ENVIRONMENTS, defaultValue = "dev")
    List<String> localEnvironments = List.of("dev");

    /** 1Password items ({@code vault/item}) that a local environment may share with a published one. */
    @Parameter(property = PropertyNames.ALLOWED_SHARED_ITEMS)
    List<String> allowedSharedItems = List.of();

    /** Skips the goal. */
    @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
    boolean skip;

    /** Where the build was started, so that messages name files as the user sees them. */
    @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true)
    File executionRoot;

    String shownFile() {
        return Paths.displayName(file.toPath(), executionRoot.toPath());
    }

    /** Runs the offline checks and logs their findings. */
    ParsedConfig check(List<Finding> findings) throws MojoFailureException {
        VerifySettings settings = new VerifySettings(
                Set.copyOf(vaults), Set.copyOf(localEnvironments), Set.copyOf(allowedSharedItems), Set.copyOf(generators().ids()));
        ParsedConfig parsed = ConfigParser.parse(file.toPath(), shownFile());
        findings.addAll(Verifier.offline().verify(parsed, settings));
        for (Finding finding : findings) {
            if (finding.isError()) {
                getLog().error(finding.format());
            } else {
                getLog().warn(finding.format());
            }
        }
        return parsed;
    }

    /** The model of a file that passes the offline checks; a goal never acts on a file with errors. */
    Config checkedConfig() throws MojoFailureException {
        List<Finding> findings = new ArrayList<>();
        ParsedConfig parsed = check(findings);
        long errors = findings.stream().filter(Finding::isError).count();
        if (errors > 0) {
            throw new MojoFailureException(shownFile() + " has " + errors
                    + " error(s), listed above with their fixes; nothing was done (run mvn spectral:verify)");
        }
        return parsed.config();
    }

    /** The generators on the plugin's classpath (built-ins and any jar under the plugin's dependencies), loaded afresh. */
    GeneratorRegistry generators() throws MojoFailureException {
        try {
            return GeneratorRegistry.load(getClass().getClassLoader());
        } catch (GeneratorRegistryException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}

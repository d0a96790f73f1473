package dev.spectral.provision.maven;

import dev.spectral.provision.config.Config;
import dev.spectral.provision.report.RotationReport;
import dev.spectral.provision.rotate.RotationException;
import dev.spectral.provision.rotate.RotationOutcome;
import dev.spectral.provision.rotate.RotationRequest;
import dev.spectral.provision.rotate.Rotator;
import java.time.Clock;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Rotates one key: mints a new value with the key's generator (or takes it from the console, or
 * from {@code spectral.valueFrom} for {@code prompt} keys), stores it in 1Password, reads it back,
 * and republishes every environment that reads it. Shows the plan and asks first ({@code -Dyes}
 * skips the question; in batch mode it is required). {@code -DdryRun} previews and writes nothing.
 */
@Mojo(name = "rotate", defaultPhase = LifecyclePhase.DEPLOY, aggregator = true, threadSafe = true)
public class RotateMojo extends AbstractPublishingMojo {

    /** The key to rotate; it needs a {@code [rotation]} spec. */
    @Parameter(property = PropertyNames.KEY, required = true)
    String key;

    /** The environment, for a {@code per-env} key. */
    @Parameter(property = PropertyNames.ENV)
    String env;

    /** Rotate without asking for confirmation. */
    @Parameter(property = PropertyNames.YES, defaultValue = "false")
    boolean yes;

    /** For a {@code prompt} key without a console: {@code env:NAME} reads the value from that environment variable. */
    @Parameter(property = PropertyNames.VALUE_FROM)
    String valueFrom;

    @Parameter(defaultValue = "${settings.interactiveMode}", readonly = true)
    boolean interactiveMode;

    @Override
    String goal() {
        return "rotate";
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException, RotationException {
        Config config = checkedConfig();
        try (Engine engine = engine()) {
            Rotator rotator = new Rotator(engine.op, engine.provisioner, generators(), new ConsoleTerminal(interactiveMode),
                    System.getenv(), engine.redactor, Clock.systemUTC(), engine.log);
            RotationRequest request = new RotationRequest(key, optional(env), dryRun, yes, optional(valueFrom),
                    provisionRequest("", false, false));
            RotationOutcome outcome = rotator.rotate(config, request);
            RotationReport report = RotationReport.of(outcome);
            report("rotate-report.json", report, report.markdown());
            if (!outcome.complete()) {
                throw new MojoExecutionException("the new value of " + key + " is safe in 1Password, but "
                        + outcome.behind() + " still hold the old one (current: " + outcome.current()
                        + "). Finish with: " + outcome.finishCommand());
            }
            if (!outcome.dryRun()) {
                engine.log.info("Rotated " + key + "; republished " + outcome.current() + ". Next: redeploy, and see the steps above.");
            }
        }
    }

    private static Optional<String> optional(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}

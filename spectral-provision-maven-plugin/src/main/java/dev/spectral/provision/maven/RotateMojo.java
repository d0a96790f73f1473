package dev.spectral.provision.maven;

import dev.spectral.provision.SpectralException;
import dev.spectral.provision.config.Age;
import dev.spectral.provision.config.Config;
import dev.spectral.provision.report.ActionsRun;
import dev.spectral.provision.report.RotationRecord;
import dev.spectral.provision.report.RotationReport;
import dev.spectral.provision.report.StoppedReport;
import dev.spectral.provision.rotate.RolloverOptions;
import dev.spectral.provision.rotate.RotationException;
import dev.spectral.provision.rotate.RotationOutcome;
import dev.spectral.provision.rotate.RotationRequest;
import dev.spectral.provision.rotate.Rotator;
import dev.spectral.provision.rotate.Selection;
import dev.spectral.provision.rotate.Since;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Rotates keys: mints a new value for each with its generator (or takes it from the console, or
 * from {@code spectral.valueFrom} for {@code prompt} keys), stores each in 1Password and reads it
 * back, then republishes every environment that reads them, once. Shows one plan and asks once
 * ({@code -Dyes} skips the question; in batch mode it is required). {@code -DdryRun} previews and
 * writes nothing. Every run writes an incident record: {@code rotate-report.json} and
 * {@code rotate-record.md}, the latter also in the GitHub Actions step summary.
 */
@Mojo(name = "rotate", defaultPhase = LifecyclePhase.DEPLOY, aggregator = true, threadSafe = true)
public class RotateMojo extends AbstractPublishingMojo {

    static final String REPORT = "rotate-report.json";
    static final String RECORD = "rotate-record.md";

    /**
     * The keys to rotate, each with a {@code [rotation]} spec: one, a comma list ({@code A,B,C}),
     * {@code all} (every key with a spec; with {@code env}, those that environment reads), or
     * {@code due} (every generated key whose 1Password item is older than the max age in its spec, or
     * whose next key waits for the second phase of a rollover; keys entered by hand that are due are
     * listed with the command to run). One of {@code key}, {@code item} and {@code vault} is required.
     */
    @Parameter(property = PropertyNames.KEY)
    String key;

    /**
     * The blast radius of a leaked 1Password item: every rotatable key whose reference reads
     * {@code VAULT/ITEM}.
     */
    @Parameter(property = PropertyNames.ROTATE_ITEM)
    String item;

    /** The blast radius of a leaked vault (or of an identity that could read it): every rotatable key whose reference reads it. */
    @Parameter(property = PropertyNames.ROTATE_VAULT)
    String vault;

    /**
     * For named keys, the environment of a {@code per-env} key (refused for a {@code shared} one). With
     * {@code all}, {@code item} or {@code vault}: only what this environment reads; without it, a
     * {@code per-env} key is rotated in every environment that references it.
     */
    @Parameter(property = PropertyNames.ENV)
    String env;

    /** Rotate without asking for confirmation. */
    @Parameter(property = PropertyNames.YES, defaultValue = "false")
    boolean yes;

    /**
     * For {@code prompt} keys without a console: {@code env:NAME} reads the value from that environment
     * variable; in a pattern, {@code {KEY}} stands for each key's name ({@code env:NEW_{KEY}}), which is
     * required when several prompted keys are selected.
     */
    @Parameter(property = PropertyNames.VALUE_FROM)
    String valueFrom;

    /**
     * The suspected start of the incident, an ISO-8601 instant ({@code 2026-03-01T12:00:00Z}) or date
     * ({@code 2026-03-01}): the incident record lists the audit surfaces to review from then to the run.
     */
    @Parameter(property = PropertyNames.ROTATE_SINCE)
    String since;

    /**
     * For keys with a public key set (private JWKs): roll over in two phases, for verifiers that cache
     * the set. This run publishes the next key's public half and keeps the current key signing; the
     * next rotation of the key (with or without this flag) promotes it.
     */
    @Parameter(property = PropertyNames.ROTATE_TWO_PHASE, defaultValue = "false")
    boolean twoPhase;

    /**
     * For keys with a public key set: how long a key that stops signing stays in the set, so that the
     * tokens it signed still verify. At least the longest lifetime of those tokens; {@code 0s} drops it
     * at once, with every other key from before the run, and discards a waiting next key instead of
     * promoting it (a compromised key). A whole number and a unit: {@code 30d}, {@code 12h}, {@code 30m},
     * {@code 0s}.
     */
    @Parameter(property = PropertyNames.ROTATE_RETAIN, defaultValue = "30d")
    String retain;

    @Parameter(defaultValue = "${settings.interactiveMode}", readonly = true)
    boolean interactiveMode;

    /** Set once this run's record is written, so that a stop after it does not replace it. */
    private boolean recorded;

    @Override
    String goal() {
        return "rotate";
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException, RotationException {
        Selection selection = Selection.of(optional(key), optional(item), optional(vault), optional(env));
        RotationRequest request = new RotationRequest(
                selection,
                dryRun,
                yes,
                optional(valueFrom),
                Since.parse(optional(since)),
                provisionRequest("", false, false),
                new RolloverOptions(
                        twoPhase,
                        Age.parse(retain == null ? "" : retain)
                                .orElseThrow(() -> new MojoFailureException(
                                        PropertyNames.ROTATE_RETAIN + " is '" + retain + "'; write it as " + Age.FORM
                                                + ", or 0s to drop a retired key at once"))));
        Config config = checkedConfig();
        Map<String, String> environment = System.getenv();
        try (Engine engine = engine()) {
            Rotator rotator = new Rotator(
                    engine.op,
                    engine.provisioner,
                    generators(),
                    new ConsoleTerminal(interactiveMode),
                    environment,
                    engine.redactor,
                    Clock.systemUTC(),
                    engine.log);
            RotationOutcome outcome;
            try {
                outcome = rotator.rotate(config, request);
            } catch (RotationException e) {
                if (e.outcome().isPresent()) {
                    record(e.outcome().get(), environment);
                }
                throw e;
            }
            record(outcome, environment);
            Optional<RotationException> problem = outcome.problem();
            if (problem.isPresent()) {
                throw problem.get();
            }
            if (!outcome.dryRun() && !outcome.units().isEmpty()) {
                engine.log.info(outcome.doneLine(
                        DisplayPaths.displayName(reportDirectory.toPath().resolve(RECORD), executionRoot.toPath())));
            }
        }
    }

    /** The incident record: JSON, Markdown, and the step summary. */
    private void record(RotationOutcome outcome, Map<String, String> environment) throws MojoExecutionException {
        RotationReport report = RotationReport.of(outcome, environment);
        String markdown = redactor.redact(RotationRecord.markdown(outcome, ActionsRun.url(environment)));
        report(REPORT, report, markdown);
        markdown(RECORD, markdown);
        recorded = true;
    }

    /** A run that stopped before its plan still replaces the record of an earlier run, so that no stale record is pasted. */
    @Override
    void stopped(SpectralException.Cause reason, String maskedMessage) throws MojoExecutionException {
        if (!recorded) {
            super.stopped(reason, maskedMessage);
            markdown(RECORD, new StoppedReport(goal(), reason.name(), maskedMessage).markdown());
        }
    }

    private static Optional<String> optional(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}

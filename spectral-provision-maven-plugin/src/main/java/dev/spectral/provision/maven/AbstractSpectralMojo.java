package dev.spectral.provision.maven;

import dev.spectral.generators.GeneratorRegistry;
import dev.spectral.generators.GeneratorRegistryException;
import dev.spectral.provision.SpectralException;
import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.ConfigParser;
import dev.spectral.provision.config.Finding;
import dev.spectral.provision.config.ParsedConfig;
import dev.spectral.provision.github.GitHubLimits;
import dev.spectral.provision.report.ReportWriter;
import dev.spectral.provision.secret.Redactor;
import dev.spectral.provision.verify.AllowedLiteral;
import dev.spectral.provision.verify.Verifier;
import dev.spectral.provision.verify.VerifySettings;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters every goal shares, reading the file through the offline checks, the wiring of a
 * run, and the one {@link #execute()}: {@code skip}, then the goal, then a stopped goal mapped onto
 * Maven's exceptions (the user must act: {@link MojoFailureException}; a tool failed:
 * {@link MojoExecutionException}), its message masked and its causes kept.
 */
abstract class AbstractSpectralMojo extends AbstractMojo {

    /** Loaded by {@link #generators()} on first use in this execution; never shared between executions. */
    private GeneratorRegistry generators;

    /** Every value the run resolves is registered here and masked in everything it prints or throws. */
    final Redactor redactor = new Redactor();

    /**
     * The environments file; by default {@code infra/environments.toml} in the project. A file set
     * here must exist; without it, {@code spectral:verify} skips a module that has no such file.
     */
    @Parameter(property = PropertyNames.FILE)
    File file;

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File basedir;

    /** Vaults that references may read from; empty allows any vault. */
    @Parameter(property = PropertyNames.VAULTS)
    List<String> vaults = List.of();

    /** Environments written to a local {@code .env} rather than published to GitHub. */
    @Parameter(property = PropertyNames.LOCAL_ENVIRONMENTS, defaultValue = "dev")
    List<String> localEnvironments = List.of("dev");

    /** 1Password items ({@code vault/item}) that a local environment may share with a published one. */
    @Parameter(property = PropertyNames.ALLOWED_SHARED_ITEMS)
    List<String> allowedSharedItems = List.of();

    /**
     * Literals the scanner flags that are not secrets: each a {@code <key>} (optionally with an
     * {@code <environment>}) or a {@code <fingerprint>} ({@code sha256:} and 16 hex digits, printed
     * with the finding), and a required {@code <reason>}.
     */
    @Parameter
    List<AllowedLiteral> allowedLiterals = List.of();

    /** Skips the goal. */
    @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
    boolean skip;

    /** Where the build was started, so that messages name files as the user sees them. */
    @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true)
    File executionRoot;

    /** The GitHub repository, {@code OWNER/REPO}; by default gh's default for the working directory. */
    @Parameter(property = PropertyNames.REPO)
    String repo;

    /** How many gh calls run at once. */
    @Parameter(property = PropertyNames.PARALLELISM, defaultValue = "8")
    int parallelism;

    /** The 1Password CLI to run. */
    @Parameter(property = PropertyNames.OP, defaultValue = "op")
    String op;

    /** The GitHub CLI to run. */
    @Parameter(property = PropertyNames.GH, defaultValue = "gh")
    String gh;

    /** Seconds one op or gh call may take before it is killed. */
    @Parameter(property = PropertyNames.TIMEOUT, defaultValue = "120")
    int timeout;

    /**
     * GitHub requests in flight at once, over every gh call of the run (GitHub allows 100 per token;
     * a bulk secret call counts one per secret, so bulk calls are cut to this size).
     */
    @Parameter(property = PropertyNames.GITHUB_MAX_IN_FLIGHT, defaultValue = "" + GitHubLimits.DEFAULT_MAX_IN_FLIGHT)
    int githubMaxInFlight;

    /** Points one GitHub endpoint may spend a minute (GitHub allows 900; a read costs 1, a write 5): the run paces itself to it. */
    @Parameter(
            property = PropertyNames.GITHUB_POINTS_PER_MINUTE,
            defaultValue = "" + GitHubLimits.DEFAULT_POINTS_PER_MINUTE)
    int githubPointsPerMinute;

    /**
     * Seconds to wait after GitHub throttles a request without saying how long (GitHub asks for at
     * least 60); repeats wait longer. Lower it only for a GitHub Enterprise Server whose limits reset sooner.
     */
    @Parameter(
            property = PropertyNames.GITHUB_THROTTLE_WAIT,
            defaultValue = "" + GitHubLimits.DEFAULT_THROTTLE_WAIT_SECONDS)
    int githubThrottleWait;

    /**
     * Seconds a run may wait for GitHub's throttling in all; past it the run stops, reports what is
     * left and prints the command that finishes it.
     */
    @Parameter(property = PropertyNames.GITHUB_MAX_WAIT, defaultValue = "" + GitHubLimits.DEFAULT_MAX_WAIT_SECONDS)
    int githubMaxWait;

    /** Where the JSON reports are written. */
    @Parameter(defaultValue = "${project.build.directory}/spectral", readonly = true)
    File reportDirectory;

    static final String DEFAULT_FILE = "infra/environments.toml";

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("spectral:" + goal() + " skipped (" + PropertyNames.SKIP + ")");
            return;
        }
        try {
            run();
        } catch (SpectralException e) {
            String message = redactor.redact(e.getMessage());
            stopped(e.reason(), message);
            Throwable cause = MaskedCause.of(e.getCause(), redactor);
            if (e.reason() == SpectralException.Cause.CONFIGURATION) {
                throw new MojoFailureException(message, cause);
            }
            throw new MojoExecutionException(message, cause);
        }
    }

    /** The goal's name, as in {@code spectral:NAME}. */
    abstract String goal();

    /** The goal itself, after {@code skip}. */
    abstract void run() throws MojoExecutionException, MojoFailureException, SpectralException;

    /** A goal that stopped may leave a trace (a report) before the Maven exception; by default none. */
    void stopped(SpectralException.Cause reason, String maskedMessage) throws MojoExecutionException {}

    Path environmentsFile() {
        return file != null ? file.toPath() : basedir.toPath().resolve(DEFAULT_FILE);
    }

    String shownFile() {
        return DisplayPaths.displayName(environmentsFile(), executionRoot.toPath());
    }

    /** Runs the offline checks, adding their findings. */
    ParsedConfig check(List<Finding> findings) throws MojoFailureException {
        GeneratorRegistry generators = generators();
        VerifySettings settings = new VerifySettings(
                Set.copyOf(vaults),
                Set.copyOf(localEnvironments),
                Set.copyOf(allowedSharedItems),
                Set.copyOf(generators.ids()),
                generators.ids().stream().filter(generators::producesPrivateJwk).collect(Collectors.toSet()),
                allowedLiterals);
        ParsedConfig parsed = ConfigParser.parse(environmentsFile(), shownFile());
        findings.addAll(Verifier.offline().verify(parsed, settings));
        return parsed;
    }

    void log(List<Finding> findings) {
        for (Finding finding : findings) {
            if (finding.isError()) {
                getLog().error(finding.format());
            } else {
                getLog().warn(finding.format());
            }
        }
    }

    Engine engine() throws MojoFailureException {
        if (parallelism < 1) {
            throw new MojoFailureException(
                    PropertyNames.PARALLELISM + " must be at least 1 (it is " + parallelism + ")");
        }
        if (timeout < 1) {
            throw new MojoFailureException(
                    PropertyNames.TIMEOUT + " must be at least 1 second (it is " + timeout + ")");
        }
        GitHubLimits limits;
        try {
            limits = new GitHubLimits(
                    githubMaxInFlight,
                    githubPointsPerMinute,
                    Duration.ofSeconds(githubThrottleWait),
                    Duration.ofSeconds(githubMaxWait));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(
                    "GitHub limits (" + PropertyNames.GITHUB_MAX_IN_FLIGHT + ", "
                            + PropertyNames.GITHUB_POINTS_PER_MINUTE + ", " + PropertyNames.GITHUB_THROTTLE_WAIT + ", "
                            + PropertyNames.GITHUB_MAX_WAIT + "): " + e.getMessage(),
                    e);
        }
        return new Engine(
                getLog(),
                generators(),
                redactor,
                executionRoot.toPath(),
                op,
                gh,
                Optional.ofNullable(repo).filter(r -> !r.isBlank()),
                parallelism,
                Duration.ofSeconds(timeout),
                limits);
    }

    /** Writes the JSON report and, on GitHub Actions, appends the step summary. */
    void report(String name, Object report, String markdown) throws MojoExecutionException {
        Path json = reportDirectory.toPath().resolve(name);
        try {
            ReportWriter.writeJson(json, report);
            ReportWriter.appendStepSummary(
                    Optional.ofNullable(System.getenv("GITHUB_STEP_SUMMARY")).map(Path::of), markdown);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the report " + json + ": " + e.getMessage(), e);
        }
        getLog().info("Report: " + DisplayPaths.displayName(json, executionRoot.toPath()));
    }

    /** Writes a Markdown file next to the reports (the step summary gets the same text from {@link #report}). */
    void markdown(String name, String markdown) throws MojoExecutionException {
        Path file = reportDirectory.toPath().resolve(name);
        try {
            ReportWriter.writeText(file, markdown);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + file + ": " + e.getMessage(), e);
        }
        getLog().info("Record: " + DisplayPaths.displayName(file, executionRoot.toPath()));
    }

    /** The model of a file that passes the offline checks; a goal never acts on a file with errors. */
    Config checkedConfig() throws MojoFailureException {
        List<Finding> findings = new ArrayList<>();
        ParsedConfig parsed = check(findings);
        log(findings);
        long errors = findings.stream().filter(Finding::isError).count();
        if (errors > 0) {
            throw new MojoFailureException(shownFile() + " has " + errors
                    + " error(s), listed above with their fixes; nothing was done (run mvn spectral:verify)");
        }
        return parsed.config();
    }

    /**
     * The generators on the plugin's classpath (built-ins and any jar under the plugin's dependencies),
     * loaded once per execution of the goal: the checks, the engine and the goal share them.
     */
    GeneratorRegistry generators() throws MojoFailureException {
        if (generators == null) {
            try {
                generators = GeneratorRegistry.load(getClass().getClassLoader());
            } catch (GeneratorRegistryException e) {
                throw new MojoFailureException(e.getMessage(), e);
            }
        }
        return generators;
    }
}

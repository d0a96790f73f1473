package dev.spectral.provision.publish;

import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.Entry;
import dev.spectral.provision.config.Environment;
import dev.spectral.provision.config.OpReference;
import dev.spectral.provision.github.GitHub;
import dev.spectral.provision.github.GitHubException;
import dev.spectral.provision.github.RemoteState;
import dev.spectral.provision.keyset.KeySetNames;
import dev.spectral.provision.keyset.KeySets;
import dev.spectral.provision.log.Log;
import dev.spectral.provision.onepassword.OnePassword;
import dev.spectral.provision.onepassword.OnePasswordException;
import dev.spectral.provision.secret.SecretValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * The main job: resolve every reference of the selected environments in one go, read what GitHub
 * holds, print the plan, and (unless it is a dry run) publish it. Nothing is written unless every
 * reference resolved; a publish that fails part-way reports each key and the command that finishes it.
 */
public final class Provisioner {

    static final int MAX_VALUE_BYTES = 48 * 1024;
    static final String GITHUB_TARGET = "github";

    private final OnePassword onePassword;
    private final GitHub github;
    private final DotEnvWriter dotEnvWriter;
    private final DotEnvTarget dotEnv;
    private final KeySets keySets;
    private final ExecutorService pool;
    private final Log log;

    /** A provisioner that publishes no key sets. */
    public Provisioner(
            OnePassword onePassword, GitHub github, DotEnvWriter dotEnvWriter, ExecutorService pool, Log log) {
        this(onePassword, github, dotEnvWriter, KeySets.none(onePassword), pool, log);
    }

    public Provisioner(
            OnePassword onePassword,
            GitHub github,
            DotEnvWriter dotEnvWriter,
            KeySets keySets,
            ExecutorService pool,
            Log log) {
        this.onePassword = onePassword;
        this.keySets = keySets;
        this.github = github;
        this.dotEnvWriter = dotEnvWriter;
        this.dotEnv = new DotEnvTarget(dotEnvWriter, log);
        this.pool = pool;
        this.log = log;
    }

    public ProvisionOutcome provision(Config config, ProvisionRequest request) throws ProvisionException {
        long start = System.nanoTime();
        List<Environment> chosen = EnvironmentSelection.select(request.selection(), config);
        List<Environment> localChosen =
                chosen.stream().filter(e -> request.isLocal(e.name())).toList();
        if (localChosen.size() > 1) {
            throw new ProvisionException(
                    ProvisionException.Cause.CONFIGURATION,
                    "environments "
                            + localChosen.stream().map(Environment::name).toList() + " would all be written to "
                            + request.dotEnvFile()
                            + "; provision one local environment at a time");
        }
        if (!localChosen.isEmpty() && !request.dryRun()) {
            checkIgnored(request);
        }

        List<OpReference> publishedReferences = references(
                chosen.stream().filter(e -> !request.isLocal(e.name())).toList());
        SecretFreshness before = freshness(publishedReferences);
        Map<OpReference, SecretValue> values = resolve(chosen);
        KeySets.Derived derived = withKeySets(config, chosen, values);
        List<Environment> selected = derived.environments();
        List<Environment> local =
                selected.stream().filter(e -> request.isLocal(e.name())).toList();
        List<Environment> published =
                selected.stream().filter(e -> !request.isLocal(e.name())).toList();
        checkSecretValues(published, values);

        Optional<String> repository = published.isEmpty() ? Optional.empty() : Optional.of(repository());
        Map<String, RemoteState> remote = remoteStates(published, request);
        List<Change> plan = new ArrayList<>();
        Map<String, String> targets = new LinkedHashMap<>();
        for (Environment env : published) {
            plan.addAll(PlanBuilder.forGitHub(
                    env,
                    remote.get(env.name()),
                    request.prune(),
                    request.force() ? SecretFreshness.unknown() : before));
            targets.put(env.name(), GITHUB_TARGET);
        }
        plan.removeIf(change -> isSetWithoutValue(change, derived));
        for (Environment env : local) {
            plan.addAll(PlanBuilder.forDotEnv(env, dotEnv.upToDate(env, values, request.dotEnvFile())));
            targets.put(env.name(), request.dotEnvFile().toString());
        }
        plan.replaceAll(
                change -> change.kind() == Kind.VARIABLE && change.source().equals(Change.LITERAL)
                        ? derived.sourceOf(change.environment(), change.key())
                                .map(change::from)
                                .orElse(change)
                        : change);
        log.info("Plan" + repository.map(r -> " for " + r).orElse("")
                + (request.dryRun() ? " (dry run: nothing is written)" : "") + ":");
        PlanTable.render(plan).forEach(log::info);

        List<ChangeResult> results = new ArrayList<>();
        GitHubApplier applier = new GitHubApplier(github, pool, log);
        if (request.dryRun()) {
            plan.forEach(c -> results.add(ChangeResult.skipped(c, "dry run")));
            local.forEach(env -> dotEnv.problem(env, values)
                    .ifPresent(problem -> log.warn("[" + env.name() + "] a real run would fail here: " + problem)));
        } else {
            results.addAll(applier.apply(
                    plan.stream().filter(c -> !request.isLocal(c.environment())).toList(),
                    c -> secretOf(config, c, values)));
            results.addAll(republishChangedDuringRun(config, applier, results, before, publishedReferences));
            for (Environment env : local) {
                results.addAll(dotEnv.write(
                        env,
                        values,
                        request.dotEnvFile(),
                        plan.stream()
                                .filter(c -> c.environment().equals(env.name()))
                                .toList()));
            }
        }
        ProvisionOutcome outcome = new ProvisionOutcome(
                repository,
                targets,
                results,
                request.dryRun(),
                Duration.ofNanos(System.nanoTime() - start),
                applier.failureReasons());
        if (!request.dryRun()) {
            log.info("Summary:");
            ResultSummary.render(outcome, github.pace()).forEach(log::info);
        }
        return outcome;
    }

    private void checkIgnored(ProvisionRequest request) throws ProvisionException {
        try {
            dotEnvWriter.checkIgnored(request.dotEnvFile());
        } catch (DotEnvWriter.DotEnvException e) {
            throw new ProvisionException(ProvisionException.Cause.CONFIGURATION, e.getMessage(), e);
        }
    }

    private static List<OpReference> references(List<Environment> environments) {
        return environments.stream()
                .flatMap(e -> e.secrets().stream())
                .map(e -> e.reference().orElseThrow())
                .distinct()
                .toList();
    }

    private SecretFreshness freshness(List<OpReference> references) throws ProvisionException {
        if (references.isEmpty()) {
            return SecretFreshness.unknown();
        }
        try {
            return SecretFreshness.read(onePassword, references);
        } catch (OnePasswordException e) {
            throw new ProvisionException(ProvisionException.Cause.TOOL, e.getMessage() + ". Nothing was published.", e);
        }
    }

    /**
     * A value that changed in 1Password while this run published the previous one would look current
     * to the next run (GitHub's copy is newer than the item's change): publish those again, now.
     */
    private List<ChangeResult> republishChangedDuringRun(
            Config config,
            GitHubApplier applier,
            List<ChangeResult> results,
            SecretFreshness before,
            List<OpReference> references)
            throws ProvisionException {
        List<Change> written = results.stream()
                .filter(r ->
                        r.status() == ChangeResult.Status.DONE && r.change().action() == Action.SET)
                .map(ChangeResult::change)
                .toList();
        if (written.isEmpty()) {
            return List.of();
        }
        List<OpReference> changed = freshness(references).changedSince(before, references);
        List<Change> again = written.stream()
                .filter(c -> changed.contains(referenceOf(config, c)))
                .toList();
        if (again.isEmpty()) {
            return List.of();
        }
        log.warn("1Password items changed while this run published them: " + changed + "; publishing their new values");
        Map<OpReference, SecretValue> fresh;
        try {
            fresh = onePassword.resolve(changed);
        } catch (OnePasswordException e) {
            throw new ProvisionException(ProvisionException.Cause.TOOL, e.getMessage(), e);
        }
        return applier.apply(again, c -> fresh.get(referenceOf(config, c)));
    }

    /** A key set that could not be made this run is left as GitHub has it: not deleted, not listed as stale. */
    private static boolean isSetWithoutValue(Change change, KeySets.Derived derived) {
        return change.kind() == Kind.VARIABLE
                && (change.action() == Action.DELETE || change.action() == Action.STALE)
                && derived.problems().stream()
                        .anyMatch(p -> p.environment().equals(change.environment())
                                && KeySetNames.variable(p.entry().key()).equalsIgnoreCase(change.key()));
    }

    /** The environments with the public key sets of the private JWKs they read (see {@link KeySets}). */
    private KeySets.Derived withKeySets(
            Config config, List<Environment> environments, Map<OpReference, SecretValue> values)
            throws ProvisionException {
        try {
            KeySets.Derived derived = keySets.derive(config, environments, values);
            derived.problems().forEach(problem -> log.warn(problem.line()));
            return derived;
        } catch (OnePasswordException e) {
            throw new ProvisionException(
                    ProvisionException.Cause.TOOL,
                    "reading the public key sets failed: " + e.getMessage() + ". Nothing was published.",
                    e);
        }
    }

    private Map<OpReference, SecretValue> resolve(List<Environment> selected) throws ProvisionException {
        List<OpReference> references = references(selected);
        log.info("Resolving " + references.size() + " distinct 1Password reference(s) of " + selected.size()
                + " environment(s)");
        try {
            return onePassword.resolve(references);
        } catch (OnePasswordException e) {
            throw new ProvisionException(ProvisionException.Cause.TOOL, e.getMessage() + ". Nothing was published.", e);
        }
    }

    /** GitHub's 48 KB limit, and gh's stripping of trailing newlines, checked before anything is written. */
    private void checkSecretValues(List<Environment> published, Map<OpReference, SecretValue> values)
            throws ProvisionException {
        for (Environment env : published) {
            for (Entry entry : env.secrets()) {
                SecretValue value = values.get(entry.reference().orElseThrow());
                int size = value.bytes().length;
                if (size > MAX_VALUE_BYTES) {
                    throw new ProvisionException(
                            ProvisionException.Cause.CONFIGURATION,
                            entry.position() + " [" + env.name() + "] "
                                    + entry.key() + ": the value of "
                                    + entry.reference().orElseThrow() + " is " + size
                                    + " bytes; GitHub allows at most " + MAX_VALUE_BYTES + ". Nothing was published");
                }
                if (value.endsWithNewline()) {
                    log.warn("[" + env.name() + "] " + entry.key() + ": the value of "
                            + entry.reference().orElseThrow()
                            + " ends with a newline; gh strips trailing newlines, so GitHub will hold it without them");
                }
            }
        }
    }

    private String repository() throws ProvisionException {
        try {
            return github.repository();
        } catch (GitHubException e) {
            throw new ProvisionException(ProvisionException.Cause.TOOL, e.getMessage(), e);
        }
    }

    /** Checks (and, when asked, creates) each environment and lists it, concurrently. */
    private Map<String, RemoteState> remoteStates(List<Environment> published, ProvisionRequest request)
            throws ProvisionException {
        Map<String, CompletableFuture<RemoteState>> futures = new LinkedHashMap<>();
        for (Environment env : published) {
            futures.put(env.name(), CompletableFuture.supplyAsync(() -> remoteState(env.name(), request), pool));
        }
        Map<String, RemoteState> states = new LinkedHashMap<>();
        for (Map.Entry<String, CompletableFuture<RemoteState>> entry : futures.entrySet()) {
            try {
                states.put(entry.getKey(), entry.getValue().join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof WrappedProvisionException wrapped) {
                    throw wrapped.cause;
                }
                throw e;
            }
        }
        return states;
    }

    private RemoteState remoteState(String env, ProvisionRequest request) {
        try {
            if (!github.environmentExists(env)) {
                if (!request.createEnvironments()) {
                    throw new ProvisionException(
                            ProvisionException.Cause.CONFIGURATION,
                            "GitHub Environment '" + env
                                    + "' does not exist in " + github.repository()
                                    + ". Create it (Settings > Environments), or pass "
                                    + "-Dspectral.createEnvironments=true. Nothing was published");
                }
                if (request.dryRun()) {
                    log.info("[" + env + "] GitHub Environment does not exist; it would be created");
                    return RemoteState.empty();
                }
                log.info("[" + env + "] creating the GitHub Environment");
                github.createEnvironment(env);
            }
            return github.list(env);
        } catch (ProvisionException e) {
            throw new WrappedProvisionException(e);
        } catch (GitHubException e) {
            throw new WrappedProvisionException(new ProvisionException(
                    e.kind() == GitHubException.Kind.AUTHENTICATION
                            ? ProvisionException.Cause.CONFIGURATION
                            : ProvisionException.Cause.TOOL,
                    e.getMessage() + ". Nothing was published",
                    e));
        }
    }

    private static SecretValue secretOf(Config config, Change change, Map<OpReference, SecretValue> values) {
        return values.get(referenceOf(config, change));
    }

    private static OpReference referenceOf(Config config, Change change) {
        return config.environment(change.environment())
                .flatMap(env -> env.entry(change.key()))
                .flatMap(Entry::reference)
                .orElseThrow();
    }

    /** Carries a checked exception out of a pool task. */
    private static final class WrappedProvisionException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ProvisionException cause;

        WrappedProvisionException(ProvisionException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }
}

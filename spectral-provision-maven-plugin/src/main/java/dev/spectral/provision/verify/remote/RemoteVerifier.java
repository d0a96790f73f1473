package dev.spectral.provision.verify.remote;

import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.Entry;
import dev.spectral.provision.config.Environment;
import dev.spectral.provision.config.Finding;
import dev.spectral.provision.config.OpReference;
import dev.spectral.provision.config.Position;
import dev.spectral.provision.github.GitHub;
import dev.spectral.provision.github.GitHubException;
import dev.spectral.provision.github.RemoteState;
import dev.spectral.provision.keyset.KeySetNames;
import dev.spectral.provision.keyset.KeySets;
import dev.spectral.provision.onepassword.OnePassword;
import dev.spectral.provision.onepassword.OnePasswordException;
import dev.spectral.provision.publish.Action;
import dev.spectral.provision.publish.Change;
import dev.spectral.provision.publish.Kind;
import dev.spectral.provision.publish.PlanBuilder;
import dev.spectral.provision.publish.SecretFreshness;
import dev.spectral.provision.secret.SecretValue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks of {@code spectral:verify -Dspectral.verify.remote}, for a scheduled or main-branch job
 * that has credentials: every reference resolves (no value is printed), and each published
 * environment is what {@code spectral:provision} would leave alone. The comparison is provision's own
 * plan ({@link PlanBuilder}, with the same {@link SecretFreshness}): every change it would make is a
 * finding, so the two goals never disagree about a key. Calls stay bounded: one {@code op run}, one
 * {@code op item list} per vault, and per environment one existence check and two list calls.
 */
public final class RemoteVerifier {

    private final OnePassword onePassword;
    private final GitHub github;
    private final KeySets keySets;
    private final Clock clock;

    /** A verifier that knows of no key sets, on the system clock. */
    public RemoteVerifier(OnePassword onePassword, GitHub github) {
        this(onePassword, github, KeySets.none(onePassword), Clock.systemUTC());
    }

    public RemoteVerifier(OnePassword onePassword, GitHub github, KeySets keySets, Clock clock) {
        this.onePassword = onePassword;
        this.github = github;
        this.keySets = keySets;
        this.clock = clock;
    }

    /**
     * @param local environments written to a .env (not in GitHub): only their references are checked
     */
    public List<Finding> verify(Config config, Set<String> local) {
        List<Finding> findings = new ArrayList<>();
        Position file = Position.ofFile(config.file());
        List<OpReference> references = config.environments().stream()
                .flatMap(e -> e.secrets().stream())
                .map(e -> e.reference().orElseThrow())
                .distinct()
                .toList();
        Map<OpReference, SecretValue> values = Map.of();
        try {
            values = onePassword.resolve(references);
        } catch (OnePasswordException e) {
            findings.add(Finding.error(
                    "remote-reference",
                    file,
                    null,
                    null,
                    e.getMessage(),
                    "fix the reference or the 1Password item, then run again"));
        }
        List<Environment> environments = withKeySets(config, values, findings);
        SecretFreshness freshness = SecretFreshness.readWhatCanBeRead(
                onePassword,
                references,
                (vault, e) -> findings.add(Finding.warning(
                        "remote-staleness",
                        file,
                        null,
                        null,
                        "cannot list vault '" + vault + "', so staleness is not checked for it: " + e.getMessage(),
                        "grant the account read access to the vault")));
        findings.addAll(KeyAges.check(config, local, freshness, clock.instant()));
        for (Environment env : environments) {
            if (!local.contains(env.name())) {
                checkEnvironment(config, env, values, freshness, findings);
            }
        }
        return findings;
    }

    /**
     * The environments with their published key sets, as provision derives them; without the sets when a
     * reference did not resolve (that is reported already) or a set cannot be made.
     */
    private List<Environment> withKeySets(Config config, Map<OpReference, SecretValue> values, List<Finding> findings) {
        if (values.isEmpty() || keySets.keys(config).isEmpty()) {
            return config.environments();
        }
        try {
            KeySets.Derived derived = keySets.derive(config, config.environments(), values);
            derived.problems()
                    .forEach(problem -> findings.add(Finding.error(
                            "key-set",
                            problem.entry().position(),
                            problem.environment(),
                            problem.entry().key(),
                            problem.message(),
                            problem.fix())));
            return derived.environments();
        } catch (OnePasswordException e) {
            findings.add(Finding.error(
                    "key-set",
                    Position.ofFile(config.file()),
                    null,
                    null,
                    "cannot read the public key sets: " + e.getMessage(),
                    "grant the account read access to the keys' items"));
            return config.environments();
        }
    }

    private void checkEnvironment(
            Config config,
            Environment env,
            Map<OpReference, SecretValue> values,
            SecretFreshness freshness,
            List<Finding> findings) {
        String fix = "mvn spectral:provision -Denv=" + env.name();
        RemoteState remote;
        try {
            if (!github.environmentExists(env.name())) {
                findings.add(Finding.error(
                        "remote-environment",
                        env.position(),
                        env.name(),
                        null,
                        "the GitHub Environment does not exist in " + github.repository(),
                        fix + " -Dspectral.createEnvironments=true"));
                return;
            }
            remote = github.list(env.name());
        } catch (GitHubException e) {
            findings.add(Finding.error(
                    "remote-environment",
                    env.position(),
                    env.name(),
                    null,
                    e.getMessage(),
                    "check gh's access to the repository"));
            return;
        }
        for (Change change : PlanBuilder.forGitHub(env, remote, false, freshness)) {
            finding(env, change, remote, freshness, keySetVariables(config), fix)
                    .ifPresent(findings::add);
        }
        for (String key : keySets.keys(config)) {
            env.entry(key)
                    .flatMap(Entry::reference)
                    .map(values::get)
                    .ifPresent(privateKey -> findings.addAll(
                            PublishedKeySetCheck.check(env, env.entry(key).orElseThrow(), privateKey, remote, fix)));
        }
    }

    /** The names of the published key sets, as GitHub spells them. */
    private Set<String> keySetVariables(Config config) {
        return keySets.keys(config).stream()
                .map(key -> KeySetNames.variable(key).toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    /** What a change that provision would make means for verify; a deletion of the old kind is told with the new kind. */
    private static Optional<Finding> finding(
            Environment env,
            Change change,
            RemoteState remote,
            SecretFreshness freshness,
            Set<String> keySets,
            String fix) {
        String name = change.key().toUpperCase(Locale.ROOT);
        if (change.action() == Action.STALE) {
            return Optional.of(Finding.warning(
                    "remote-stale",
                    env.position(),
                    env.name(),
                    name,
                    "GitHub has " + (change.kind() == Kind.SECRET ? "a secret" : "a variable")
                            + " that the file does not",
                    fix + " -Dspectral.prune deletes it, or add it to the file"));
        }
        Entry entry = env.entry(change.key()).orElse(null);
        if (entry == null || change.action() == Action.UNCHANGED || change.action() == Action.DELETE) {
            return Optional.empty();
        }
        if (change.action() == Action.UPDATE && keySets.contains(name)) {
            return Optional.of(Finding.warning(
                    "remote-key-set-drift",
                    entry.position(),
                    env.name(),
                    entry.key(),
                    "the key set in GitHub is not the one provision publishes now: a retired key's time has come, "
                            + "or a rollover was not republished",
                    fix));
        }
        if (change.action() == Action.UPDATE) {
            return Optional.of(Finding.error(
                    "remote-drift",
                    entry.position(),
                    env.name(),
                    entry.key(),
                    "the variable's value in GitHub differs from the file",
                    fix));
        }
        boolean secret = change.kind() == Kind.SECRET;
        if (secret ? !remote.hasSecret(name) : remote.variable(name).isEmpty()) {
            String why = secret
                    ? remote.variable(name).isPresent()
                            ? "is a variable in GitHub, but a secret in the file"
                            : "is missing in GitHub"
                    : remote.hasSecret(name)
                            ? "is a secret in GitHub, but a literal (variable) in the file"
                            : "is missing in GitHub";
            return Optional.of(Finding.error(
                    "remote-missing",
                    entry.position(),
                    env.name(),
                    entry.key(),
                    "the " + (secret ? "secret " : "variable ") + why,
                    fix));
        }
        OpReference ref = entry.reference().orElseThrow();
        return freshness
                .itemUpdated(ref)
                .map(changed -> Finding.error(
                        "remote-stale-secret",
                        entry.position(),
                        env.name(),
                        entry.key(),
                        "rotated in 1Password but not republished: " + ref.vault() + "/" + ref.item() + " changed at "
                                + changed
                                + ", GitHub's secret was set at "
                                + remote.secrets().get(name) + ", not clearly after it (provision sets "
                                + "a secret again unless GitHub set it more than " + SecretFreshness.MARGIN.toMinutes()
                                + " minutes after its item changed)",
                        fix));
    }
}

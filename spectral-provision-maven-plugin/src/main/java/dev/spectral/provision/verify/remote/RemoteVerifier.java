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
import dev.spectral.provision.onepassword.OnePassword;
import dev.spectral.provision.onepassword.OnePasswordException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks of {@code spectral:verify -Dspectral.verify.remote}, for a scheduled or main-branch job
 * that has credentials: every reference resolves (no value is printed), each published environment
 * in GitHub has every key with the right kind, variables equal the literals, stale names are listed,
 * and a secret older in GitHub than its 1Password item is reported as rotated but not republished.
 * Calls stay bounded: one {@code op run}, one {@code op item list} per vault, and per environment one
 * existence check and two list calls.
 */
public final class RemoteVerifier {

    private final OnePassword onePassword;
    private final GitHub github;

    public RemoteVerifier(OnePassword onePassword, GitHub github) {
        this.onePassword = onePassword;
        this.github = github;
    }

    /**
     * @param local environments written to a .env (not in GitHub): only their references are checked
     */
    public List<Finding> verify(Config config, Set<String> local) {
        List<Finding> findings = new ArrayList<>();
        Position file = Position.ofFile(config.file());
        List<OpReference> references = config.environments().stream().flatMap(e -> e.secrets().stream())
                .map(e -> e.reference().orElseThrow()).distinct().toList();
        try {
            onePassword.resolve(references);
        } catch (OnePasswordException e) {
            findings.add(Finding.error("remote-reference", file, null, null, e.getMessage(),
                    "fix the reference or the 1Password item, then run again"));
        }
        Map<String, Map<String, Instant>> itemUpdates = itemUpdates(references, file, findings);
        for (Environment env : config.environments()) {
            if (!local.contains(env.name())) {
                checkEnvironment(env, itemUpdates, file, findings);
            }
        }
        return findings;
    }

    private Map<String, Map<String, Instant>> itemUpdates(List<OpReference> references, Position file, List<Finding> findings) {
        Map<String, Map<String, Instant>> byVault = new HashMap<>();
        for (String vault : new TreeSet<>(references.stream().map(OpReference::vault).toList())) {
            try {
                byVault.put(vault.toLowerCase(Locale.ROOT), onePassword.itemUpdates(vault));
            } catch (OnePasswordException e) {
                findings.add(Finding.warning("remote-staleness", file, null, null,
                        "cannot list vault '" + vault + "', so staleness is not checked for it: " + e.getMessage(),
                        "grant the account read access to the vault"));
            }
        }
        return byVault;
    }

    private void checkEnvironment(Environment env, Map<String, Map<String, Instant>> itemUpdates, Position file,
            List<Finding> findings) {
        String fix = "mvn spectral:provision -Denv=" + env.name();
        RemoteState remote;
        try {
            if (!github.environmentExists(env.name())) {
                findings.add(Finding.error("remote-environment", env.position(), env.name(), null,
                        "the GitHub Environment does not exist in " + github.repository(),
                        fix + " -Dspectral.createEnvironments=true"));
                return;
            }
            remote = github.list(env.name());
        } catch (GitHubException e) {
            findings.add(Finding.error("remote-environment", env.position(), env.name(), null, e.getMessage(),
                    "check gh's access to the repository"));
            return;
        }
        Set<String> wanted = new TreeSet<>();
        for (Entry entry : env.entries()) {
            String name = entry.key().toUpperCase(Locale.ROOT);
            wanted.add(name);
            if (entry.isSecret()) {
                checkSecret(env, entry, remote, itemUpdates, fix, findings);
            } else {
                checkVariable(env, entry, remote, fix, findings);
            }
        }
        Set<String> stale = new TreeSet<>(remote.secrets().keySet());
        stale.addAll(remote.variables().keySet());
        stale.removeAll(wanted);
        for (String name : stale) {
            findings.add(Finding.warning("remote-stale", env.position(), env.name(), name,
                    "GitHub has " + (remote.hasSecret(name) ? "a secret" : "a variable") + " that the file does not",
                    fix + " -Dspectral.prune deletes it, or add it to the file"));
        }
    }

    private static void checkSecret(Environment env, Entry entry, RemoteState remote, Map<String, Map<String, Instant>> itemUpdates,
            String fix, List<Finding> findings) {
        String name = entry.key().toUpperCase(Locale.ROOT);
        if (!remote.hasSecret(name)) {
            String why = remote.variable(name).isPresent() ? "is a variable in GitHub, but a secret in the file" : "is missing in GitHub";
            findings.add(Finding.error("remote-missing", entry.position(), env.name(), entry.key(), "the secret " + why, fix));
            return;
        }
        OpReference ref = entry.reference().orElseThrow();
        Instant inOnePassword = itemUpdates.getOrDefault(ref.vault().toLowerCase(Locale.ROOT), Map.of())
                .get(ref.item().toLowerCase(Locale.ROOT));
        Instant inGitHub = remote.secrets().get(name);
        if (inOnePassword != null && inGitHub.isBefore(inOnePassword)) {
            findings.add(Finding.error("remote-stale-secret", entry.position(), env.name(), entry.key(),
                    "rotated in 1Password but not republished: " + ref.vault() + "/" + ref.item() + " changed at " + inOnePassword
                            + ", GitHub's secret was set at " + inGitHub, fix));
        }
    }

    private static void checkVariable(Environment env, Entry entry, RemoteState remote, String fix, List<Finding> findings) {
        String name = entry.key().toUpperCase(Locale.ROOT);
        if (remote.variable(name).isEmpty()) {
            String why = remote.hasSecret(name) ? "is a secret in GitHub, but a literal (variable) in the file" : "is missing in GitHub";
            findings.add(Finding.error("remote-missing", entry.position(), env.name(), entry.key(), "the variable " + why, fix));
        } else if (!remote.variable(name).get().equals(entry.literal().orElseThrow())) {
            findings.add(Finding.error("remote-drift", entry.position(), env.name(), entry.key(),
                    "the variable's value in GitHub differs from the file", fix));
        }
    }
}

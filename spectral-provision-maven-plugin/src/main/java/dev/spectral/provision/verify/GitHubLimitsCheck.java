package dev.spectral.provision.verify;

import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.Entry;
import dev.spectral.provision.config.Environment;
import dev.spectral.provision.config.Finding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * GitHub's limits for an environment it hosts: at most 100 secrets and 100 variables, each value at
 * most 48 KB. Local environments are written to a {@code .env} and have no such limit.
 */
public final class GitHubLimitsCheck implements Check {

    static final int MAX_PER_KIND = 100;
    static final int MAX_VALUE_BYTES = 48 * 1024;

    @Override
    public List<Finding> check(Config config, VerifySettings settings) {
        List<Finding> findings = new ArrayList<>();
        for (Environment env : config.environments()) {
            if (settings.isLocal(env.name())) {
                continue;
            }
            countLimit(env, env.secrets(), "secrets", findings);
            List<Entry> variables = new ArrayList<>(env.literals());
            int keySets = settings.keySetEntries(config, env).size();
            variables.addAll(settings.keySetEntries(config, env));
            countLimit(
                    env,
                    variables,
                    keySets == 0 ? "variables" : "variables (" + keySets + " key set(s) included)",
                    findings);
            for (Entry entry : env.literals()) {
                int size = entry.literal().orElseThrow().getBytes(StandardCharsets.UTF_8).length;
                if (size > MAX_VALUE_BYTES) {
                    findings.add(Finding.error(
                            "github-limits",
                            entry.position(),
                            env.name(),
                            entry.key(),
                            "the literal is " + size + " bytes; GitHub allows at most " + MAX_VALUE_BYTES,
                            "store it in 1Password and reference it, or split it"));
                }
            }
        }
        return findings;
    }

    private static void countLimit(Environment env, List<Entry> entries, String kind, List<Finding> findings) {
        if (entries.size() > MAX_PER_KIND) {
            Entry first = entries.get(MAX_PER_KIND);
            findings.add(Finding.error(
                    "github-limits",
                    first.position(),
                    env.name(),
                    first.key(),
                    "the environment has " + entries.size() + " " + kind + "; GitHub allows at most " + MAX_PER_KIND
                            + " per environment (this is the first one over)",
                    "move some keys to another environment, or combine related values into one"));
        }
    }
}

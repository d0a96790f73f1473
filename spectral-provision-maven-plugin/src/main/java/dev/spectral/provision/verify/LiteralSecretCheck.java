package dev.spectral.provision.verify;

import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.Entry;
import dev.spectral.provision.config.Environment;
import dev.spectral.provision.config.Finding;
import java.util.ArrayList;
import java.util.List;

/** A literal is committed in plain text: one that has the shape of a credential is an error. */
public final class LiteralSecretCheck implements Check {

    private static final int PREVIEW_CHARS = 4;

    private final List<SecretRule> rules;

    public LiteralSecretCheck(List<SecretRule> rules) {
        this.rules = List.copyOf(rules);
    }

    @Override
    public List<Finding> check(Config config, VerifySettings settings) {
        List<Finding> findings = new ArrayList<>();
        for (Environment env : config.environments()) {
            for (Entry entry : env.literals()) {
                String value = entry.literal().orElseThrow();
                SecretRules.firstMatch(rules, value).ifPresent(rule -> findings.add(Finding.error(
                        "literal-secret", entry.position(), env.name(), entry.key(),
                        "the literal has the shape of a secret: " + rule.description() + " (rule " + rule.id()
                                + ", starts " + preview(value) + "); secrets must not be committed",
                        "store the value in 1Password, write " + entry.key()
                                + " = \"op://<vault>/<item>/<field>\", and revoke the committed value")));
            }
        }
        return findings;
    }

    /** The first characters only, so that a finding never repeats the secret. */
    static String preview(String value) {
        int cut = value.offsetByCodePoints(0, Math.min(PREVIEW_CHARS, value.codePointCount(0, value.length())));
        return "'" + value.substring(0, cut) + "…'";
    }
}

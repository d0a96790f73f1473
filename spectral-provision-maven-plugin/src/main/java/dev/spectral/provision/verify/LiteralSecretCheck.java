package dev.spectral.provision.verify;

import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.Entry;
import dev.spectral.provision.config.Environment;
import dev.spectral.provision.config.Finding;
import dev.spectral.provision.config.Position;
import dev.spectral.provision.verify.scan.SecretRule;
import dev.spectral.provision.verify.scan.SecretRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A literal is committed in plain text: one that a {@link SecretRule} flags is an error, unless an entry
 * of {@code <allowedLiterals>} allows it. A finding names the file:line, the key, the rule and a masked
 * preview, and gives the value's {@link Fingerprint} for the allowlist; never the value.
 *
 * <p>The allowlist is checked too: an unusable entry (no reason, no key or fingerprint, a malformed
 * fingerprint) is an error, and an entry that allows nothing in the file is a warning.
 */
public final class LiteralSecretCheck implements Check {

    static final String RULE = "literal-secret";
    static final String ALLOWLIST_RULE = "allowed-literal";
    private static final int PREVIEW_CHARS = 4;

    private final List<SecretRule> rules;

    public LiteralSecretCheck(List<SecretRule> rules) {
        this.rules = List.copyOf(rules);
    }

    @Override
    public List<Finding> check(Config config, VerifySettings settings) {
        List<AllowedLiteral> allowlist = settings.allowedLiterals();
        Set<Integer> used = new HashSet<>();
        List<Finding> findings = new ArrayList<>();
        for (Environment env : config.environments()) {
            for (Entry entry : env.literals()) {
                String value = entry.literal().orElseThrow();
                Optional<SecretRule> rule = SecretRules.firstMatch(rules, entry.key(), value);
                if (rule.isEmpty()) {
                    continue;
                }
                String hex = Fingerprint.hex(value);
                OptionalInt allowing = IntStream.range(0, allowlist.size())
                        .filter(i -> allowlist.get(i).allows(env.name(), entry.key(), hex))
                        .findFirst();
                allowing.ifPresentOrElse(used::add, () -> findings.add(finding(env, entry, rule.get(), value)));
            }
        }
        findings.addAll(allowlistFindings(config, allowlist, used));
        return findings;
    }

    private static Finding finding(Environment env, Entry entry, SecretRule rule, String value) {
        return Finding.error(
                RULE,
                entry.position(),
                env.name(),
                entry.key(),
                "the literal has the shape of a secret: " + rule.description() + " (rule " + rule.id() + ", starts "
                        + preview(value) + "); secrets must not be committed",
                "store the value in 1Password, write " + entry.key()
                        + " = \"op://<vault>/<item>/<field>\", and revoke the committed value;"
                        + " if it is not a secret, allow it: <allowedLiteral><fingerprint>" + Fingerprint.of(value)
                        + "</fingerprint><reason>why it is not a secret</reason></allowedLiteral>");
    }

    /** Findings about the plugin configuration itself: placed at the top of the file, naming no key. */
    private static List<Finding> allowlistFindings(Config config, List<AllowedLiteral> allowlist, Set<Integer> used) {
        Position where = Position.ofFile(config.file());
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < allowlist.size(); i++) {
            AllowedLiteral entry = allowlist.get(i);
            String name = "<allowedLiterals> entry " + (i + 1) + " (" + entry.describe() + ")";
            Optional<String> problem = entry.problem();
            if (problem.isPresent()) {
                findings.add(Finding.error(
                        ALLOWLIST_RULE,
                        where,
                        null,
                        null,
                        name + ": " + problem.get(),
                        "give the entry a <key> or a <fingerprint> (as printed by spectral:verify) and a <reason>"));
            } else if (!used.contains(i)) {
                findings.add(Finding.warning(
                        ALLOWLIST_RULE,
                        where,
                        null,
                        null,
                        name + " allows no literal of the file: nothing it names is flagged",
                        "remove the entry from <allowedLiterals>"));
            }
        }
        return findings;
    }

    /**
     * The first characters only, so that a finding never repeats the secret: at most {@value #PREVIEW_CHARS},
     * and at most a quarter of the value (a short password shows one character, or none). Control characters
     * show as {@code ?}.
     */
    static String preview(String value) {
        int length = value.codePointCount(0, value.length());
        int shown = Math.min(PREVIEW_CHARS, length / 4);
        StringBuilder out = new StringBuilder("'");
        value.codePoints().limit(shown).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.append("…'").toString();
    }
}

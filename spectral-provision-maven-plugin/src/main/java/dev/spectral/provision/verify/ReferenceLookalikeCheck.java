package dev.spectral.provision.verify;

import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.Entry;
import dev.spectral.provision.config.Environment;
import dev.spectral.provision.config.Finding;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A literal that was meant as a secret reference but is not one is published as a plain variable:
 * the application gets the reference text instead of the secret. Such values arise from copying
 * (spaces, quotes, invisible or full-width characters picked up on the way), from other tools'
 * syntax (op inject templates, {@code op read} in a shell, GitHub Actions expressions), from typos
 * in the scheme, and from a reference written inside a longer value (a DSN), which nothing resolves.
 */
public final class ReferenceLookalikeCheck implements Check {

    static final String RULE = "reference-lookalike";

    private static final String EXACT = "write exactly op://<vault>/<item>/<field>, with nothing around it";
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");
    private static final Pattern TEMPLATE =
            Pattern.compile("(?i)^\\$?\\{\\{\\s*op://.*}}$|^\\$\\(\\s*op\\s+read\\b.*\\)$|^`\\s*op\\s+read\\b.*`$"
                    + "|^op\\s+read\\s+.*op://");
    private static final Pattern NEAR_SCHEME =
            Pattern.compile("(?i)^(?:o\\s*p|0p|1p|1password|onepassword)\\s*(?:[:;]\\s*/{1,3}|/{2,3})\\s*[A-Za-z0-9]");
    private static final Pattern EMBEDDED = Pattern.compile("(?i)(?<![A-Za-z0-9])op://");
    private static final Pattern ENCODED = Pattern.compile("(?i)op%3a%2f%2f");
    private static final Pattern ACTIONS_EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(?:secrets|vars|env)\\.");

    @Override
    public List<Finding> check(Config config, VerifySettings settings) {
        List<Finding> findings = new ArrayList<>();
        for (Environment env : config.environments()) {
            for (Entry entry : env.literals()) {
                problem(entry.literal().orElseThrow())
                        .ifPresent(p -> findings.add(
                                Finding.error(RULE, entry.position(), env.name(), entry.key(), p.message(), p.fix())));
            }
        }
        return findings;
    }

    private record Problem(String message, String fix) {}

    private static Optional<Problem> problem(String literal) {
        String visible = INVISIBLE.matcher(literal).replaceAll("");
        String normal = Normalizer.normalize(visible, Normalizer.Form.NFKC);
        String bare = unwrap(normal.strip());
        String lower = bare.toLowerCase(Locale.ROOT);
        if (lower.startsWith("op:")) {
            return Optional.of(new Problem(
                    "this literal is a 1Password reference with " + around(literal, visible, normal, bare)
                            + ", so it is published as a plain variable holding the reference text, not the secret",
                    EXACT));
        }
        if (TEMPLATE.matcher(bare).find()) {
            return Optional.of(new Problem(
                    "this literal is a template or command around a 1Password reference; the plugin does "
                            + "not expand it, so the application would get the text itself",
                    EXACT));
        }
        if (NEAR_SCHEME.matcher(bare).find()) {
            return Optional.of(new Problem(
                    "this literal looks like a 1Password reference with a misspelt scheme, so it is "
                            + "published as a plain variable",
                    EXACT));
        }
        if (EMBEDDED.matcher(normal).find() || ENCODED.matcher(normal).find()) {
            return Optional.of(
                    new Problem(
                            "this literal holds a 1Password reference inside a longer value; only a whole value "
                                    + "is resolved, so the application would get the reference text",
                            "store the whole value (for example the complete connection string) in a 1Password field and reference that"));
        }
        if (ACTIONS_EXPRESSION.matcher(normal).find()) {
            return Optional.of(new Problem(
                    "this literal is a GitHub Actions expression; a variable's value is not evaluated, so "
                            + "the application would get the expression text",
                    "reference the value's 1Password item (op://<vault>/<item>/<field>) instead"));
        }
        return Optional.empty();
    }

    /** What surrounds the reference, as the user should look for it. */
    private static String around(String literal, String visible, String normal, String bare) {
        List<String> what = new ArrayList<>();
        if (!visible.equals(literal)) {
            what.add("invisible characters (zero-width or soft hyphen)");
        }
        if (!normal.equals(visible)) {
            what.add("look-alike (full-width or compatibility) characters");
        }
        if (!normal.strip().equals(normal)) {
            what.add("spaces or line breaks around it");
        }
        if (!bare.equals(normal.strip())) {
            what.add("quotes or brackets around it");
        }
        return String.join(" and ", what);
    }

    /** The text inside one pair of matching quotes, backticks, brackets or angle brackets, if it is wrapped in one. */
    private static String unwrap(String text) {
        String[][] pairs = {
            {"\"", "\""},
            {"'", "'"},
            {"`", "`"},
            {"<", ">"},
            {"(", ")"},
            {"[", "]"},
            {"\u201C", "\u201D"},
            {"\u2018", "\u2019"}
        };
        for (String[] pair : pairs) {
            if (text.length() >= 2 && text.startsWith(pair[0]) && text.endsWith(pair[1])) {
                return text.substring(1, text.length() - 1).strip();
            }
        }
        return text;
    }
}

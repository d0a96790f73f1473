package dev.spectral.provision.verify;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Prefixes and shapes of common credentials (after gitleaks and trufflehog): the rules that tell a
 * literal that is really a secret. Each rule looks for its shape anywhere in the value.
 */
public final class SecretRules {

    public static final List<SecretRule> DEFAULT = List.of(
            rule("anthropic", "Anthropic API key", "sk-ant-(?:api|admin)\\d{2}-[A-Za-z0-9_-]{20,}"),
            rule("openai", "OpenAI API key", "sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,}|T3BlbkFJ"),
            rule("github", "GitHub token", "\\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\\b|\\bgithub_pat_[A-Za-z0-9_]{82}\\b"),
            rule("stripe", "Stripe secret key", "\\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}"),
            rule("aws", "AWS access key id", "\\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\\b"),
            rule("slack", "Slack token or webhook", "\\bxox[bpa]-[A-Za-z0-9-]{10,}|\\bxoxe\\.[A-Za-z0-9.-]{10,}|\\bxapp-[A-Za-z0-9-]{10,}|hooks\\.slack\\.com/services/[A-Za-z0-9/]+"),
            rule("cloudflare", "Cloudflare API token", "\\bcf(?:ut|at)_[A-Za-z0-9_-]{20,}"),
            rule("supabase", "Supabase secret key", "\\bsb_secret_[A-Za-z0-9_-]{10,}|\\bsbp_[A-Za-z0-9]{20,}"),
            rule("1password", "1Password service-account token", "\\bops_eyJ[A-Za-z0-9_-]{20,}"),
            rule("private-key", "PEM private key", "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----"),
            rule("url-password", "URL or DSN with an embedded password", "\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^/:@\\s]+:[^/@\\s]+@"));

    private SecretRules() {
    }

    /** The first rule the value matches, if any. */
    public static Optional<SecretRule> firstMatch(List<SecretRule> rules, String value) {
        return rules.stream().filter(rule -> rule.matches(value)).findFirst();
    }

    private static SecretRule rule(String id, String description, String regex) {
        return new SecretRule(id, description, Pattern.compile(regex));
    }
}

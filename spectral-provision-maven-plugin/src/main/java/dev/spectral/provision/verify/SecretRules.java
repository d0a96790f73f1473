package dev.spectral.provision.verify;

import dev.spectral.provision.verify.scan.EntropyRule;
import dev.spectral.provision.verify.scan.JwkRule;
import dev.spectral.provision.verify.scan.JwtRule;
import dev.spectral.provision.verify.scan.Jwts;
import dev.spectral.provision.verify.scan.PasswordRule;
import dev.spectral.provision.verify.scan.PatternRule;
import dev.spectral.provision.verify.scan.UrlPasswordRule;
import dev.spectral.provision.verify.scan.UrlTokenRule;
import java.util.List;
import java.util.Optional;

/**
 * The rules that tell a literal that is really a secret, most specific first (the first match names the
 * finding). Prefixes and shapes after gitleaks' rule set ({@code config/gitleaks.toml}) and trufflehog's
 * detectors; the README's {@code spectral:verify} section lists what is flagged and what is not.
 *
 * <ol>
 *   <li>Known formats, whatever the key is called: Anthropic, OpenAI, GitHub, Stripe, AWS, Slack,
 *       Cloudflare, Supabase secret and management keys, Supabase service-role JWTs, 1Password
 *       service-account tokens, PEM private keys, private JWKs, other JWTs (bearer tokens; Supabase anon
 *       JWTs are public), URLs and DSNs with a password, URLs with a token in their query.
 *   <li>Generic, reading the key's name too: a password under a password's name, and a high-entropy value
 *       under a secret's name; known public values (URLs, hostnames, UUIDs, anon keys, ...) never count.
 * </ol>
 */
public final class SecretRules {

    public static final List<SecretRule> DEFAULT = List.of(
            PatternRule.of("anthropic", "Anthropic API key", "\\bsk-ant-[a-z]+\\d{2}-[A-Za-z0-9_-]{20,}"),
            PatternRule.of("openai", "OpenAI API key",
                    "\\bsk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,}|T3BlbkFJ"),
            PatternRule.of("github", "GitHub token",
                    "\\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}\\b|\\bgithub_pat_[A-Za-z0-9_]{82,}\\b"),
            PatternRule.of("stripe", "Stripe secret key",
                    "\\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}|\\bwhsec_[A-Za-z0-9+/=]{20,}"),
            PatternRule.of("aws", "AWS access key id", "\\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\\b"),
            PatternRule.of("slack", "Slack token or webhook",
                    "\\bxox[abeoprs]-[A-Za-z0-9-]{10,}|\\bxoxe\\.[A-Za-z0-9.-]{10,}|\\bxapp-[A-Za-z0-9-]{10,}"
                            + "|hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9/_-]+"),
            PatternRule.of("cloudflare", "Cloudflare API token or Origin CA key",
                    "\\bcf(?:ut|at)_[A-Za-z0-9_-]{20,}|\\bv1\\.0-[0-9a-f]{24}-[0-9a-f]{146}\\b"),
            PatternRule.of("supabase", "Supabase secret key", "\\bsb_secret_[A-Za-z0-9_-]{10,}|\\bsbp_[A-Za-z0-9_]{20,}"),
            new JwtRule("supabase-service-role", "Supabase service-role JWT", Jwts.Kind.SERVICE_ROLE),
            PatternRule.of("1password", "1Password service-account token", "\\bops_eyJ[A-Za-z0-9+/_=-]{20,}"),
            PatternRule.of("private-key", "PEM private key", "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"),
            new JwkRule("private-jwk", "JSON Web Key with private members"),
            new JwtRule("jwt", "JSON Web Token (a bearer credential)", Jwts.Kind.BEARER),
            new UrlPasswordRule("url-password", "URL or DSN with an embedded password"),
            new UrlTokenRule("url-token", "URL with a credential in its query"),
            new PasswordRule("password", "password in plain text (the key names a password)"),
            new EntropyRule("high-entropy", "random-looking value under a secret's name"));

    private SecretRules() {
    }

    /** The first rule the literal matches, if any. */
    public static Optional<SecretRule> firstMatch(List<SecretRule> rules, String key, String value) {
        return rules.stream().filter(rule -> rule.matches(key, value)).findFirst();
    }
}

package dev.spectral.provision.verify.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules that tell a literal that is really a secret, most specific first (the first match names the
 * finding). Sources: gitleaks, secretlint's recommended preset, trufflehog and vendors' documentation, named
 * rule by rule in {@link TokenFormats} and {@link KeyFiles}, each naming its source.
 *
 * <ol>
 *   <li>Known formats, whatever the key is called: vendors' tokens and webhook URLs ({@link TokenFormats}),
 *       key files and identities ({@link KeyFiles}), Supabase service-role JWTs, private JWKs, other JWTs
 *       (bearer tokens; Supabase anon JWTs are public), connection strings with an account key or secret,
 *       URLs and DSNs with a password, URLs with a token in their query, HTTP authorization headers, and any
 *       of these base64-encoded.
 *   <li>Generic, reading the key's name too: a password under a password's name, and a high-entropy value
 *       under a secret's name; values public by design (URLs, hostnames, UUIDs, anon and publishable keys,
 *       public keys, fingerprints, ...) and public keys' names never count.
 * </ol>
 */
public final class SecretRules {

    /** The rules that read the value only, in order. */
    static final List<SecretRule> VALUE_RULES = valueRules();

    public static final List<SecretRule> DEFAULT = defaults();

    private SecretRules() {}

    /** The first rule the literal matches, if any. */
    public static Optional<SecretRule> firstMatch(List<SecretRule> rules, String key, String value) {
        return rules.stream().filter(rule -> rule.matches(key, value)).findFirst();
    }

    private static List<SecretRule> valueRules() {
        List<SecretRule> rules = new ArrayList<>(TokenFormats.all());
        rules.addAll(KeyFiles.ALL);
        rules.add(new JwtRule("supabase-service-role", "Supabase service-role JWT", Jwts.Kind.SERVICE_ROLE));
        rules.add(new JwkRule("private-jwk", "JSON Web Key with private members"));
        rules.add(new JwtRule("jwt", "JSON Web Token (a bearer credential)", Jwts.Kind.BEARER));
        rules.add(new ConnectionStringRule("connection-string", "connection string with an account key or secret"));
        rules.add(new UrlPasswordRule("url-password", "URL or DSN with an embedded password"));
        rules.add(new UrlTokenRule("url-token", "URL with a credential in its query"));
        rules.add(new AuthHeaderRule("auth-header", "HTTP authorization header with a credential"));
        return List.copyOf(rules);
    }

    private static List<SecretRule> defaults() {
        List<SecretRule> rules = new ArrayList<>(VALUE_RULES);
        rules.add(new EncodedRule(
                "base64", "base64 of a secret in a known format (a key file, token or credential)", VALUE_RULES));
        rules.add(new PasswordRule("password", "password in plain text (the key names a password)"));
        rules.add(new EntropyRule("high-entropy", "random-looking value under a secret's name"));
        return List.copyOf(rules);
    }
}

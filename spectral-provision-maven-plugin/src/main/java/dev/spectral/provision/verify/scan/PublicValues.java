package dev.spectral.provision.verify.scan;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Values that are ordinary configuration whatever their key is called, so that the generic rules never
 * flag them: numbers, booleans, UUIDs, hostnames, region names, e-mail addresses, file paths, ARNs, URLs
 * (the URL rules run first and catch those that carry a credential), placeholders ({@code ${TOKEN}}),
 * readable identifiers (words joined by {@code - _ . / :}, such as {@code spectral-private-uploads-eu} or
 * {@code projects/spectral/locations/global}), text with spaces (prose, cron
 * expressions, lists; generated credentials have no spaces), and values public by design:
 *
 * <ul>
 *   <li>keys meant for browsers and apps, by their vendor's documented prefix: Supabase {@code sb_publishable_},
 *       Stripe and Clerk {@code pk_live_ pk_test_}, PostHog project keys {@code phc_}, Mapbox public tokens
 *       {@code pk.eyJ}, LaunchDarkly mobile keys {@code mob-}, Langfuse public keys {@code pk-lf-}, Datadog
 *       client tokens ({@code pub} and 32 hex digits); Supabase anon JWTs;
 *   <li>public keys: public JWKs and JWK sets, SSH public keys ({@code ssh-ed25519 AAAA…}), age recipients
 *       ({@code age1…}), PEM public keys and certificates, also base64-encoded;
 *   <li>fingerprints and digests: {@code SHA256:…} (OpenSSH), {@code sha256/…} (certificate pins),
 *       {@code sha384-…} (subresource integrity), {@code sha256:…} (image digests), colon-separated hex.
 * </ul>
 *
 * <p>Only the generic rules consult this; the format rules are specific enough to need no exception.
 */
public final class PublicValues {

    private static final Set<String> BOOLEANS =
            Set.of("true", "false", "yes", "no", "on", "off", "enabled", "disabled", "none", "null", "nil");
    /**
     * Supabase docs "API keys"; Stripe docs "API keys"; Clerk docs (publishable keys); PostHog docs (the project
     * API key is public); Mapbox docs "Access tokens" (pk. public, sk. secret); LaunchDarkly docs "SDK
     * credentials" (mobile keys need not be secret); trufflehog langfuse (pk-lf- public, sk-lf- secret).
     */
    private static final List<String> PUBLIC_PREFIXES =
            List.of("sb_publishable_", "pk_live_", "pk_test_", "phc_", "pk.eyJ", "mob-", "pk-lf-");

    private static final List<Pattern> SHAPES = List.of(
            // numbers, including signs, decimals and exponents
            Pattern.compile("[+-]?\\d+(?:[._]\\d+)*(?:[eE][+-]?\\d+)?"),
            // UUIDs (of projects, accounts, tenants)
            Pattern.compile("(?i)\\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}}?"),
            // hostnames: dot-separated labels ending in an alphabetic top-level domain, with an optional port
            Pattern.compile("(?i)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}(?::\\d{1,5})?"),
            // cloud region and zone names: us-east-1, eu-west-2a, europe-west1, northamerica-northeast1
            Pattern.compile("[a-z]{2,}(?:-[a-z]+)+-?\\d{1,2}[a-z]?"),
            // e-mail addresses
            Pattern.compile("(?i)[a-z0-9._%+-]+@(?:[a-z0-9-]+\\.)+[a-z]{2,63}"),
            // ARNs: identify a resource (a secret in Secrets Manager too), grant nothing
            Pattern.compile("arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\\d{0,12}:\\S+"),
            // Datadog client tokens (RUM, browser logs): "browser-visible identifiers, not API keys"
            Pattern.compile("pub[0-9a-f]{32}"),
            // SSH public keys (RFC 4253 key types; OpenSSH's security-key types), with or without a comment
            Pattern.compile(
                    "(?:ssh-(?:rsa|dss|ed25519|ed448)|ecdsa-sha2-nistp\\d{3}|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)"
                            + "@openssh\\.com) AAAA[A-Za-z0-9+/]+={0,3}(?: .*)?"),
            // age recipients (public keys): Bech32, HRP age (C2SP age.md)
            Pattern.compile("age1[02-9ac-hj-np-z]{58}"),
            // fingerprints and digests: OpenSSH SHA256:, certificate pins sha256/, SRI sha384-, OCI sha256:
            Pattern.compile("(?i)(?:sha(?:1|224|256|384|512)|md5)[:/-][A-Za-z0-9+/=_-]{16,}"),
            // colon-separated hex fingerprints (certificates, SSH MD5, GPG)
            Pattern.compile("(?:[0-9A-Fa-f]{2}:){15,63}[0-9A-Fa-f]{2}"),
            // anything with whitespace
            Pattern.compile("(?s).*\\s.*"));
    /** Base64 of "-----BEGIN ": an encoded PEM block. */
    private static final String ENCODED_PEM = "LS0tLS1CRUdJTi";
    /** URLs; those with a password or token in them are caught by the URL rules, which run first. */
    private static final Pattern URL = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://\\S+");
    /** Unix, home-relative, relative and Windows paths. */
    private static final Pattern PATH =
            Pattern.compile("(?:~|\\.{1,2})?/[\\w.@%+-]+(?:/[\\w.@%+-]*)*|[A-Za-z]:\\\\\\S+");
    /** A path's last segment ending in an extension, as file names do and base64 never does. */
    private static final Pattern EXTENSION = Pattern.compile("\\.[A-Za-z0-9]{1,8}$");

    private static final Pattern LOWER_CASE_PATH = Pattern.compile("[a-z0-9_./~@%+-]+|[A-Za-z]:\\\\\\S+");

    private static final Pattern SEPARATORS = Pattern.compile("[-_./:]+");
    /** A word, a number, or a short mixed token such as {@code v1} or {@code s3}. */
    private static final Pattern SEGMENT =
            Pattern.compile("[a-z]+|[A-Z]+|[A-Z]?[a-z]+(?:[A-Z][a-z]+)*|\\d+|[A-Za-z0-9]{1,3}");

    private PublicValues() {}

    public static boolean isPublic(String value) {
        String text = value.strip();
        return text.isEmpty()
                || BOOLEANS.contains(text.toLowerCase(Locale.ROOT))
                || PUBLIC_PREFIXES.stream().anyMatch(text::startsWith)
                || SHAPES.stream().anyMatch(p -> p.matcher(text).matches())
                || isUrl(text)
                || Placeholders.isPlaceholder(text)
                || isPath(text)
                || isReadableIdentifier(text)
                || Jwts.isAnonToken(text)
                || Jwks.isPublicOnly(text)
                || isEncodedPublicPem(text);
    }

    /** True for a PEM public key or certificate in base64 (as Kubernetes and CI variables keep them). */
    public static boolean isEncodedPublicPem(String text) {
        return text.startsWith(ENCODED_PEM)
                && Json.decodeBase64(text)
                        .filter(pem -> pem.startsWith("-----BEGIN ") && !pem.contains("PRIVATE KEY"))
                        .isPresent();
    }

    /** True for booleans and their synonyms ({@code on}, {@code enabled}, {@code none}). */
    public static boolean isBooleanLike(String value) {
        return BOOLEANS.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * True for a file path. A base64 secret may start with {@code /} and contain more, so a path must also
     * end in a file extension or be lower-case throughout, as directory names are.
     */
    public static boolean isPath(String text) {
        return PATH.matcher(text).matches()
                && (EXTENSION.matcher(text).find()
                        || LOWER_CASE_PATH.matcher(text).matches());
    }

    /**
     * True for words joined by separators: two or more segments, each a word (lower-case, upper-case,
     * capitalised or camelCase), a number, or at most 3 characters. Character entropy rates such values
     * as high as random ones (a 25-character dashed name measures 3.6–3.9 bits), but a random token mixes
     * letters and digits within its segments.
     */
    public static boolean isReadableIdentifier(String text) {
        List<String> segments =
                SEPARATORS.splitAsStream(text).filter(s -> !s.isEmpty()).toList();
        return segments.size() >= 2
                && segments.stream().allMatch(s -> SEGMENT.matcher(s).matches());
    }

    /** True for a URL; whether it holds a credential is for the URL rules to say. */
    public static boolean isUrl(String text) {
        return URL.matcher(text.strip()).matches();
    }
}

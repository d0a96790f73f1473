package dev.spectral.provision.verify.scan;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a key's name says about its value. A name is read as words ({@code SUPABASE_SERVICE_ROLE_KEY},
 * {@code supabaseServiceRoleKey} and {@code supabase.service-role.key} read alike), and its last word is
 * its head: what the value is.
 *
 * <ul>
 *   <li><b>Secret words</b>: {@code SECRET TOKEN PASSWORD PASSWD PASSPHRASE CREDENTIAL PRIVATE SIGNING}
 *       anywhere in a word ({@code APISECRET}, {@code AUTHTOKEN}); {@code KEY KEYS PWD PASS AUTH OAUTH
 *       AUTHORIZATION BEARER CREDS HMAC SALT} and compounds such as {@code APIKEY ACCESSKEY} as whole
 *       words (so {@code KEYBOARD} or {@code AUTHOR} do not count).
 *   <li><b>An attribute head</b> names something about a secret, not the secret: {@code KEY_ID},
 *       {@code TOKEN_URL}, {@code AUTH_HOST}, {@code SECRET_NAME}, {@code PASSWORD_FILE},
 *       {@code SIGNING_ALG}, {@code TOKEN_TTL}. Such a name never suggests a secret by itself. A URL that
 *       holds a credential is still caught by the URL rules, which do not read names.
 *   <li><b>A public qualifier</b> ({@code PUBLIC PUB PUBLISHABLE ANON ANONYMOUS}) cancels the weak secret
 *       words, those that name keys and tokens in general ({@code KEY TOKEN AUTH SIGNING ...}): a
 *       {@code PUBLIC_KEY}, {@code PUBLISHABLE_KEY}, {@code ANON_KEY} or {@code MAPBOX_PUBLIC_TOKEN} is
 *       meant to be seen. It does not cancel the strong words ({@code SECRET PASSWORD PRIVATE
 *       CREDENTIAL ...}): {@code NEXT_PUBLIC_STRIPE_SECRET} still suggests a secret, a worse one.
 *   <li><b>A public key's name</b> cancels the weak words the same way: a name that ends in {@code SITE_KEY}
 *       or {@code SITEKEY} (reCAPTCHA, hCaptcha and Turnstile site keys), or a vendor's name followed by the
 *       name of a key that vendor documents as public: {@code AMPLITUDE_API_KEY}, {@code MIXPANEL_TOKEN},
 *       {@code SEGMENT_WRITE_KEY}, {@code ALGOLIA_SEARCH_API_KEY}, {@code PUSHER_APP_KEY},
 *       {@code DD_CLIENT_TOKEN}, {@code POSTHOG_KEY}, {@code FIREBASE_API_KEY}, {@code LD_MOBILE_KEY}
 *       (any prefix before the vendor, such as {@code NEXT_PUBLIC_}, is allowed). Their secret counterparts
 *       ({@code RECAPTCHA_SECRET_KEY}, {@code AMPLITUDE_SECRET_KEY}) carry a strong word and still count.
 *   <li><b>A data key</b> is not a credential: {@code CACHE_KEY}, {@code PARTITION_KEY}, {@code SORT_KEY},
 *       {@code ROUTING_KEY}, {@code IDEMPOTENCY_KEY} ... (after gitleaks' generic-api-key allowlist).
 * </ul>
 *
 * <p>The format rules ignore names altogether: a {@code sb_secret_} key under {@code SUPABASE_ANON_KEY} is
 * still found. Names only decide whether the generic rules look at a value.
 */
public final class KeyNames {

    private static final Pattern WORD_BREAK =
            Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");

    private static final List<String> STRONG_PARTS =
            List.of("SECRET", "PASSWORD", "PASSWD", "PASSPHRASE", "CREDENTIAL", "PRIVATE");
    private static final Set<String> STRONG_WORDS = Set.of("PWD", "PASS", "CREDS", "HMAC", "SALT");
    private static final List<String> WEAK_PARTS = List.of("TOKEN", "SIGNING");
    private static final Set<String> WEAK_WORDS = Set.of(
            "KEY",
            "KEYS",
            "APIKEY",
            "ACCESSKEY",
            "AUTHKEY",
            "PRIVKEY",
            "MASTERKEY",
            "ENCRYPTIONKEY",
            "SESSIONKEY",
            "AUTH",
            "OAUTH",
            "AUTHORIZATION",
            "BEARER");
    private static final Set<String> PUBLIC_QUALIFIERS = Set.of("PUBLIC", "PUB", "PUBLISHABLE", "ANON", "ANONYMOUS");
    private static final Set<String> ATTRIBUTE_HEADS = Set.of(
            "ID",
            "IDS",
            "KID",
            "NAME",
            "NAMES",
            "ALIAS",
            "ARN",
            "REF",
            "VERSION",
            "FINGERPRINT",
            "THUMBPRINT",
            "URL",
            "URLS",
            "URI",
            "HOST",
            "HOSTNAME",
            "DOMAIN",
            "ENDPOINT",
            "PORT",
            "REGION",
            "ISSUER",
            "AUDIENCE",
            "PATH",
            "FILE",
            "DIR",
            "DIRECTORY",
            "LOCATION",
            "TYPE",
            "ALG",
            "ALGORITHM",
            "FORMAT",
            "HEADER",
            "PREFIX",
            "SCOPE",
            "SCOPES",
            "MODE",
            "POLICY",
            "TTL",
            "EXPIRY",
            "EXPIRES",
            "LIFETIME",
            "TIMEOUT",
            "LENGTH",
            "SIZE",
            "BITS",
            "COUNT",
            "DAYS",
            "ENABLED",
            "USER",
            "USERNAME",
            "LOGIN",
            "EMAIL",
            "PIN",
            "PINS",
            "DIGEST",
            "CHECKSUM",
            "SHA1",
            "SHA256",
            "RECIPIENT",
            "RECIPIENTS");
    /** Last words of names of keys public by design, whatever the vendor (captcha site keys). */
    private static final List<List<String>> PUBLIC_KEY_TAILS = List.of(List.of("SITE", "KEY"), List.of("SITEKEY"));
    /**
     * Keys that vendors document as public, by the vendor's word and the words after it. Amplitude docs "Keys and
     * tokens" (the project API key is public); Mixpanel docs "Project token" (not a secret); Segment docs (the
     * analytics.js write key is public); Algolia docs "API keys" (search-only keys are for front ends); Pusher
     * docs (the app key is public, the secret is not); Datadog docs (client tokens are browser-visible);
     * PostHog docs (the project API key is public); Firebase docs "API keys for Firebase" (not secret);
     * LaunchDarkly docs "SDK credentials" (mobile keys need not be kept secret).
     */
    private static final Map<String, List<List<String>>> VENDOR_PUBLIC_KEYS = Map.of(
            "AMPLITUDE", List.of(List.of("API", "KEY"), List.of("APIKEY")),
            "MIXPANEL", List.of(List.of("TOKEN"), List.of("PROJECT", "TOKEN")),
            "SEGMENT", List.of(List.of("WRITE", "KEY"), List.of("WRITEKEY")),
            "ALGOLIA",
                    List.of(
                            List.of("SEARCH", "KEY"),
                            List.of("SEARCH", "API", "KEY"),
                            List.of("SEARCH", "ONLY", "KEY"),
                            List.of("SEARCH", "ONLY", "API", "KEY")),
            "PUSHER", List.of(List.of("KEY"), List.of("APP", "KEY")),
            "DD", List.of(List.of("CLIENT", "TOKEN"), List.of("RUM", "CLIENT", "TOKEN")),
            "DATADOG", List.of(List.of("CLIENT", "TOKEN"), List.of("RUM", "CLIENT", "TOKEN")),
            "POSTHOG",
                    List.of(
                            List.of("KEY"),
                            List.of("API", "KEY"),
                            List.of("PROJECT", "KEY"),
                            List.of("PROJECT", "API", "KEY")),
            "FIREBASE", List.of(List.of("API", "KEY"), List.of("APIKEY")),
            "LD", List.of(List.of("MOBILE", "KEY")));
    /** Words that make KEY a data key, not a credential (gitleaks generic-api-key allowlist, and more). */
    private static final Set<String> DATA_KEY_QUALIFIERS = Set.of(
            "CACHE",
            "PARTITION",
            "SORT",
            "ROUTING",
            "PRIMARY",
            "FOREIGN",
            "IDEMPOTENCY",
            "DEDUP",
            "DEDUPLICATION",
            "SHARD",
            "LOOKUP",
            "INDEX",
            "IDX",
            "HOT",
            "BUCKET",
            "SCHEMA",
            "SEQUENCE",
            "NATURAL",
            "COMPOSITE",
            "UNIQUE",
            "SURROGATE",
            "RANGE",
            "GROUPING",
            "ORDERING",
            "SHORTCUT");

    private static final Set<String> PASSWORD_HEADS = Set.of("PASSWORD", "PASSWD", "PWD", "PASS", "PASSPHRASE");

    private KeyNames() {}

    /** The name's words, upper-case, in order. */
    public static List<String> words(String key) {
        return Arrays.stream(WORD_BREAK.split(key))
                .filter(w -> !w.isEmpty())
                .map(w -> w.toUpperCase(Locale.ROOT))
                .toList();
    }

    /** True when the name says its value is a secret (see the class comment). */
    public static boolean suggestsSecret(String key) {
        List<String> words = words(key);
        if (words.isEmpty() || ATTRIBUTE_HEADS.contains(words.get(words.size() - 1))) {
            return false;
        }
        if (words.stream().anyMatch(KeyNames::isStrong)) {
            return true;
        }
        return words.stream().noneMatch(PUBLIC_QUALIFIERS::contains)
                && !namesPublicKey(words)
                && !namesDataKey(words)
                && words.stream().anyMatch(KeyNames::isWeak);
    }

    /** True when the name is that of a key public by design (see the class comment). */
    static boolean namesPublicKey(List<String> words) {
        if (PUBLIC_KEY_TAILS.stream().anyMatch(tail -> endsWith(words, tail))) {
            return true;
        }
        for (int i = 0; i < words.size(); i++) {
            List<String> tail = words.subList(i + 1, words.size());
            if (VENDOR_PUBLIC_KEYS.getOrDefault(words.get(i), List.of()).contains(tail)) {
                return true;
            }
        }
        return false;
    }

    /** True when the head is KEY or KEYS and the word before it makes it a data key ({@code CACHE_KEY}). */
    static boolean namesDataKey(List<String> words) {
        int n = words.size();
        return n >= 2
                && Set.of("KEY", "KEYS").contains(words.get(n - 1))
                && DATA_KEY_QUALIFIERS.contains(words.get(n - 2));
    }

    private static boolean endsWith(List<String> words, List<String> tail) {
        return words.size() >= tail.size()
                && words.subList(words.size() - tail.size(), words.size()).equals(tail);
    }

    /** True when the name's head is a password ({@code DB_PASSWORD}, {@code SMTP_PASS}, {@code adminPwd}). */
    public static boolean namesPassword(String key) {
        List<String> words = words(key);
        if (words.isEmpty()) {
            return false;
        }
        String head = words.get(words.size() - 1);
        return PASSWORD_HEADS.contains(head) || head.endsWith("PASSWORD") || head.endsWith("PASSWD");
    }

    private static boolean isStrong(String word) {
        return STRONG_WORDS.contains(word) || STRONG_PARTS.stream().anyMatch(word::contains);
    }

    private static boolean isWeak(String word) {
        return WEAK_WORDS.contains(word) || WEAK_PARTS.stream().anyMatch(word::contains);
    }
}

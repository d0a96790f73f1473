package dev.spectral.provision.verify.scan;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
 * </ul>
 *
 * <p>The format rules ignore names altogether: a {@code sb_secret_} key under {@code SUPABASE_ANON_KEY} is
 * still found. Names only decide whether the generic rules look at a value.
 */
public final class KeyNames {

    private static final Pattern WORD_BREAK = Pattern.compile(
            "[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");

    private static final List<String> STRONG_PARTS =
            List.of("SECRET", "PASSWORD", "PASSWD", "PASSPHRASE", "CREDENTIAL", "PRIVATE");
    private static final Set<String> STRONG_WORDS = Set.of("PWD", "PASS", "CREDS", "HMAC", "SALT");
    private static final List<String> WEAK_PARTS = List.of("TOKEN", "SIGNING");
    private static final Set<String> WEAK_WORDS = Set.of(
            "KEY", "KEYS", "APIKEY", "ACCESSKEY", "AUTHKEY", "PRIVKEY", "MASTERKEY", "ENCRYPTIONKEY", "SESSIONKEY",
            "AUTH", "OAUTH", "AUTHORIZATION", "BEARER");
    private static final Set<String> PUBLIC_QUALIFIERS = Set.of("PUBLIC", "PUB", "PUBLISHABLE", "ANON", "ANONYMOUS");
    private static final Set<String> ATTRIBUTE_HEADS = Set.of(
            "ID", "IDS", "KID", "NAME", "NAMES", "ALIAS", "ARN", "REF", "VERSION", "FINGERPRINT", "THUMBPRINT",
            "URL", "URLS", "URI", "HOST", "HOSTNAME", "DOMAIN", "ENDPOINT", "PORT", "REGION", "ISSUER", "AUDIENCE",
            "PATH", "FILE", "DIR", "DIRECTORY", "LOCATION",
            "TYPE", "ALG", "ALGORITHM", "FORMAT", "HEADER", "PREFIX", "SCOPE", "SCOPES", "MODE", "POLICY",
            "TTL", "EXPIRY", "EXPIRES", "LIFETIME", "TIMEOUT", "LENGTH", "SIZE", "BITS", "COUNT", "DAYS", "ENABLED",
            "USER", "USERNAME", "LOGIN", "EMAIL");
    private static final Set<String> PASSWORD_HEADS = Set.of("PASSWORD", "PASSWD", "PWD", "PASS", "PASSPHRASE");

    private KeyNames() {
    }

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
        return words.stream().noneMatch(PUBLIC_QUALIFIERS::contains) && words.stream().anyMatch(KeyNames::isWeak);
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

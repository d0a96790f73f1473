package dev.spectral.provision.verify;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * Synthetic credentials of the real shapes, made at test time from a seeded generator: random-looking,
 * the same on every run, never a real key, and never written out in the source (so no scanner of this
 * repository mistakes the tests for a leak).
 */
final class Fakes {

    static final String BASE62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static final String BASE64URL = BASE62 + "-_";
    static final String BASE64 = BASE62 + "+/";
    static final String HEX = "0123456789abcdef";
    static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    static final String DIGITS = "0123456789";
    static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
    static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    /** Bech32's alphabet (age keys). */
    static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

    private Fakes() {}

    /** {@code length} characters of {@code alphabet}, the same for the same label. */
    static String chars(String alphabet, int length, String label) {
        Random random = new Random(label.hashCode() * 31L + length);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    static String b62(int length, String label) {
        return chars(BASE62, length, label);
    }

    static String hex(int length, String label) {
        return chars(HEX, length, label);
    }

    static String b64(int length, String label) {
        return chars(BASE64, length, label);
    }

    static String b64url(int length, String label) {
        return chars(BASE64URL, length, label);
    }

    /** A random-looking UUID (lower-case hex, version 4 shape). */
    static String uuid(String label) {
        String h = hex(32, label);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-a" + h.substring(17, 20)
                + "-" + h.substring(20);
    }

    /** Standard base64 with padding. */
    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String base64url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A JWT with this payload: an HS256 header and a fake signature. */
    static String jwt(String payloadJson, String label) {
        return base64url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + base64url(payloadJson) + "."
                + chars(BASE64URL, 43, label);
    }

    /** A Supabase-style key: a JWT whose payload carries this role. */
    static String supabaseJwt(String role, String ref) {
        return jwt(
                "{\"iss\":\"supabase\",\"ref\":\"" + ref + "\",\"role\":\"" + role
                        + "\",\"iat\":1700000000,\"exp\":2015000000}",
                role + ref);
    }

    /** A PEM block of this type with fake base64 lines. */
    static String pem(String type, String label) {
        StringBuilder out = new StringBuilder("-----BEGIN " + type + "-----\n");
        for (int line = 0; line < 4; line++) {
            out.append(chars(BASE64, 64, label + line)).append('\n');
        }
        return out.append("-----END ").append(type).append("-----\n").toString();
    }
}

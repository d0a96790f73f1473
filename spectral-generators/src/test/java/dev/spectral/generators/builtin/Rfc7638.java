package dev.spectral.generators.builtin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An RFC 7638 thumbprint computed by hand, independent of nimbus, so that a wrong {@code kid}
 * cannot pass by agreeing with the library that made it.
 */
final class Rfc7638 {

    private Rfc7638() {}

    /**
     * SHA-256 over the required members, sorted by name, as JSON without whitespace, base64url.
     * The members used here (kty, crv, x, y, n, e) are plain strings that never need escaping.
     */
    static String thumbprint(Map<String, Object> jwk, String... requiredMembers) {
        String canonical = Stream.of(requiredMembers)
                .sorted()
                .map(name -> "\"" + name + "\":\"" + jwk.get(name) + "\"")
                .collect(Collectors.joining(",", "{", "}"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}

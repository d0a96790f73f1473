package dev.spectral.provision.verify.scan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;

/**
 * JSON Web Keys (RFC 7517/7518) in a value: a single JWK, a JWK Set, or any JSON holding them, plain or
 * base64-encoded. A key is an object with {@code kty}; it is private when it carries a private member.
 */
public final class Jwks {

    /** RSA {@code d p q dp dq qi oth}, EC and OKP {@code d}, symmetric ({@code oct}) {@code k}. */
    static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    private Jwks() {}

    /** True when the value holds at least one key with a private member. */
    public static boolean hasPrivateKey(String value) {
        return json(value).map(Jwks::hasPrivateKey).orElse(false);
    }

    /** True when the value holds keys, all of them public (a public JWK, or a JWKS of public keys). */
    public static boolean isPublicOnly(String value) {
        return json(value)
                .filter(Jwks::hasKey)
                .map(node -> !hasPrivateKey(node))
                .orElse(false);
    }

    private static Optional<JsonNode> json(String value) {
        return value.contains("kty") || value.contains("eyJ") ? Json.parseOrDecode(value) : Optional.empty();
    }

    private static boolean isKey(JsonNode node) {
        return node.isObject() && node.hasNonNull("kty");
    }

    private static boolean hasKey(JsonNode node) {
        if (isKey(node)) {
            return true;
        }
        for (JsonNode child : node) {
            if (hasKey(child)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasPrivateKey(JsonNode node) {
        if (isKey(node) && PRIVATE_MEMBERS.stream().anyMatch(node::hasNonNull)) {
            return true;
        }
        for (JsonNode child : node) {
            if (hasPrivateKey(child)) {
                return true;
            }
        }
        return false;
    }
}

package dev.spectral.provision.keyset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The public half of a JWK, built by keeping only the members known to be public (an allow-list,
 * so that no private member, known or not, can reach a published set), with {@code kid} set to the
 * RFC 7638 thumbprint. EC, RSA and OKP keys have a public half; symmetric ({@code oct}) keys do not.
 */
public final class PublicJwk {

    /** The members of each key type that RFC 7638 hashes, in its (lexicographic) order; all are public. */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "EC", List.of("crv", "kty", "x", "y"),
            "RSA", List.of("e", "kty", "n"),
            "OKP", List.of("crv", "kty", "x"));

    /** Public metadata kept beside the key members. */
    private static final List<String> METADATA = List.of("use", "alg");

    /** Private members of RFC 7518 and RFC 8037 keys: never part of a published set. */
    public static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    private static final ObjectMapper JSON = new ObjectMapper();

    private PublicJwk() {}

    /**
     * The public half of a JWK given as JSON text (private or public).
     *
     * @throws InvalidKeyException when it is not a JSON object of an asymmetric key type with its public members
     */
    public static ObjectNode of(String jwk) throws InvalidKeyException {
        return of(parse(jwk));
    }

    /** A JWK's JSON, for the checks that read more than its public half. */
    public static JsonNode parse(String jwk) throws InvalidKeyException {
        try {
            return JSON.readTree(jwk);
        } catch (java.io.IOException e) {
            throw new InvalidKeyException("is not JSON, so not a JWK");
        }
    }

    /** As {@link #of(String)}, for a JWK already parsed. */
    public static ObjectNode of(JsonNode jwk) throws InvalidKeyException {
        if (!(jwk instanceof ObjectNode)) {
            throw new InvalidKeyException("is not a JSON object, so not a JWK");
        }
        String kty = jwk.path("kty").asText();
        List<String> required = REQUIRED.get(kty);
        if (required == null) {
            throw new InvalidKeyException(
                    kty.isEmpty()
                            ? "is a JSON object without \"kty\", so not a JWK"
                            : "is a JWK of type '" + kty + "', which has no public half (EC, RSA or OKP has)");
        }
        ObjectNode publicJwk = JSON.createObjectNode();
        for (String member : required) {
            if (!jwk.path(member).isTextual() || jwk.path(member).asText().isEmpty()) {
                throw new InvalidKeyException("is a " + kty + " JWK without its \"" + member + "\" member");
            }
            publicJwk.put(member, jwk.path(member).asText());
        }
        for (String member : METADATA) {
            if (jwk.path(member).isTextual()) {
                publicJwk.put(member, jwk.path(member).asText());
            }
        }
        publicJwk.put("kid", thumbprint(publicJwk));
        return publicJwk;
    }

    /** The RFC 7638 thumbprint (SHA-256, base64url without padding) of a key of known type. */
    static String thumbprint(JsonNode jwk) {
        ObjectNode canonical = JSON.createObjectNode();
        REQUIRED.get(jwk.path("kty").asText())
                .forEach(m -> canonical.put(m, jwk.path(m).asText()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(JSON.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("SHA-256 and JSON are part of every JVM and Jackson", e);
        }
    }

    /**
     * The kid a JWK declares when it is not the key's thumbprint: verifiers that pick the key of a
     * token by its kid would not find it in a published set. Empty when it declares none or the right one.
     *
     * @throws InvalidKeyException as {@link #of(JsonNode)}
     */
    public static Optional<String> foreignKid(JsonNode jwk) throws InvalidKeyException {
        String declared = jwk.path("kid").asText();
        return declared.isEmpty() || declared.equals(of(jwk).path("kid").asText())
                ? Optional.empty()
                : Optional.of(declared);
    }

    /** The private members a JWK holds, by name; empty for a public key. */
    public static List<String> privateMembers(JsonNode jwk) {
        return PRIVATE_MEMBERS.stream().filter(jwk::has).sorted().toList();
    }
}

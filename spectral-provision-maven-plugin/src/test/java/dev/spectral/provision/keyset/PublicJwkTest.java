package dev.spectral.provision.keyset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.spectral.generators.GeneratorContext;
import dev.spectral.generators.builtin.Ed25519JwkGenerator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The public half as an independent library (nimbus-jose-jwt) sees it: same thumbprint, nothing private. */
class PublicJwkTest {

    @Test
    void thePublicHalfOfEachKeyTypeHasItsPublicMembersAndTheThumbprintAsKid() throws Exception {
        List<JWK> keys = List.of(
                new ECKeyGenerator(Curve.P_256).keyID("chosen-by-hand").generate(),
                new RSAKeyGenerator(2048).generate(),
                // nimbus mints Ed25519 only with Google Tink; the plugin's own generator does it with BouncyCastle
                JWK.parse(new Ed25519JwkGenerator().generate(GeneratorContext.of("KEY", Optional.empty()))));
        for (JWK key : keys) {
            ObjectNode publicKey = PublicJwk.of(key.toJSONString());

            JWK parsed = JWK.parse(publicKey.toString());
            assertFalse(parsed.isPrivate(), key.getKeyType() + " public half is public");
            assertEquals(key.toPublicJWK().computeThumbprint(), parsed.computeThumbprint());
            assertEquals(
                    key.computeThumbprint().toString(), publicKey.path("kid").asText(), "kid = RFC 7638");
            assertEquals(List.of(), PublicJwk.privateMembers(publicKey));
        }
    }

    @Test
    void membersOutsideTheAllowListNeverReachThePublicHalf() throws Exception {
        String key = new ECKeyGenerator(Curve.P_256).generate().toJSONString();
        String withExtras = key.substring(0, key.length() - 1)
                + ",\"priv\":\"secret-ish\",\"x5c\":[\"MIIB\"],\"key_ops\":[\"sign\"]}";

        ObjectNode publicKey = PublicJwk.of(withExtras);

        List<String> names = new java.util.ArrayList<>();
        publicKey.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("crv", "kty", "x", "y", "kid"), names);
    }

    @Test
    void keysWithoutAPublicHalfAndNonKeysAreRefusedWithoutTheirValue() {
        String symmetric = "{\"kty\":\"oct\",\"k\":\"c2VjcmV0LXN5bW1ldHJpYy1rZXk\"}";
        String[][] cases = {
            {symmetric, "has no public half"},
            {"not json at all: hunter2", "is not JSON"},
            {"[1,2]", "is not a JSON object"},
            {"{\"crv\":\"P-256\"}", "without \"kty\""},
            {"{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"abc\",\"d\":\"private-part-123\"}", "without its \"y\""},
        };
        for (String[] c : cases) {
            InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> PublicJwk.of(c[0]));
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
            assertFalse(
                    e.getMessage().contains("c2VjcmV0")
                            || e.getMessage().contains("hunter2")
                            || e.getMessage().contains("private-part"),
                    e.getMessage());
        }
    }
}

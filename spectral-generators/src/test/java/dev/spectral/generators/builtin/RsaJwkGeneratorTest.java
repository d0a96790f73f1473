package dev.spectral.generators.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RSA keys take a while to mint, so the tests share two. */
class RsaJwkGeneratorTest {

    private static String json;
    private static String otherJson;

    @BeforeAll
    static void mint() throws Exception {
        RsaJwkGenerator generator = new RsaJwkGenerator();
        json = generator.generate(Contexts.fresh());
        otherJson = generator.generate(Contexts.fresh());
    }

    @Test
    void hasA3072BitModulus() throws Exception {
        assertEquals(3072, RSAKey.parse(json).getModulus().decodeToBigInteger().bitLength());
    }

    @Test
    void holdsThePrivateMembersAndNothingElse() throws Exception {
        Map<String, Object> members = JSONObjectUtils.parse(json);

        assertEquals(Set.of("kty", "n", "e", "d", "p", "q", "dp", "dq", "qi", "alg", "use", "kid"), members.keySet());
        assertEquals("RSA", members.get("kty"));
        assertEquals("RS256", members.get("alg"));
        assertEquals("sig", members.get("use"));
        assertTrue(RSAKey.parse(json).isPrivate());
        assertTrue(json.chars().noneMatch(Character::isWhitespace), "compact JSON");
    }

    @Test
    void kidIsTheRfc7638Thumbprint() throws Exception {
        Map<String, Object> members = JSONObjectUtils.parse(json);

        assertEquals(Rfc7638.thumbprint(members, "e", "kty", "n"), members.get("kid"));
    }

    @Test
    void signsAnRs256JwsThatThePublicKeyVerifies() throws Exception {
        RSAKey key = RSAKey.parse(json);
        JWSObject jws = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), new Payload("rotate me"));
        jws.sign(new RSASSASigner(key));

        JWSObject received = JWSObject.parse(jws.serialize());
        assertTrue(received.verify(new RSASSAVerifier(key.toPublicJWK())));
        assertFalse(received.verify(new RSASSAVerifier(RSAKey.parse(otherJson).toPublicJWK())));
    }

    @Test
    void mintsADifferentKeyEachTime() throws Exception {
        assertNotEquals(RSAKey.parse(json).getModulus(), RSAKey.parse(otherJson).getModulus());
        assertNotEquals(RSAKey.parse(json).getKeyID(), RSAKey.parse(otherJson).getKeyID());
    }
}

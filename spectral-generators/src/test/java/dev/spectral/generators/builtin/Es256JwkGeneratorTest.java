package dev.spectral.generators.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Es256JwkGeneratorTest {

    private final Es256JwkGenerator generator = new Es256JwkGenerator();

    @Test
    void isAP256PrivateJwkWithExactlyTheExpectedMembers() throws Exception {
        String json = generator.generate(Contexts.fresh());
        ECKey key = ECKey.parse(json);
        Map<String, Object> members = JSONObjectUtils.parse(json);

        assertEquals(Set.of("kty", "crv", "x", "y", "d", "alg", "use", "kid"), members.keySet());
        assertEquals("EC", members.get("kty"));
        assertEquals("P-256", members.get("crv"));
        assertEquals("ES256", members.get("alg"));
        assertEquals("sig", members.get("use"));
        assertEquals(Curve.P_256, key.getCurve());
        assertTrue(key.isPrivate());
    }

    @Test
    void kidIsTheRfc7638Thumbprint() throws Exception {
        Map<String, Object> members = JSONObjectUtils.parse(generator.generate(Contexts.fresh()));

        assertEquals(Rfc7638.thumbprint(members, "crv", "kty", "x", "y"), members.get("kid"));
    }

    @Test
    void signsAnEs256JwsThatThePublicKeyVerifies() throws Exception {
        ECKey key = ECKey.parse(generator.generate(Contexts.fresh()));
        JWSObject jws = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), new Payload("rotate me"));
        jws.sign(new ECDSASigner(key));

        JWSObject received = JWSObject.parse(jws.serialize());
        assertTrue(received.verify(new ECDSAVerifier(key.toPublicJWK())));

        ECKey stranger = ECKey.parse(generator.generate(Contexts.fresh()));
        assertFalse(received.verify(new ECDSAVerifier(stranger.toPublicJWK())));
    }

    @Test
    void isCompactJson() throws Exception {
        String json = generator.generate(Contexts.fresh());

        assertTrue(json.startsWith("{") && json.endsWith("}"), "a JSON object");
        assertTrue(json.chars().noneMatch(Character::isWhitespace), "no whitespace");
    }

    @Test
    void mintsADifferentKeyEachTime() throws Exception {
        ECKey first = ECKey.parse(generator.generate(Contexts.fresh()));
        ECKey second = ECKey.parse(generator.generate(Contexts.fresh()));

        assertNotEquals(first.getD(), second.getD());
        assertNotEquals(first.getKeyID(), second.getKeyID());
    }
}

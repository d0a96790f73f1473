package dev.spectral.generators.builtin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;

/**
 * Signatures are made and checked with Bouncy Castle over the decoded {@code d} and {@code x}:
 * nimbus's own {@code Ed25519Signer} needs Google Tink, which this module does not ship.
 */
class Ed25519JwkGeneratorTest {

    private final Ed25519JwkGenerator generator = new Ed25519JwkGenerator();

    @Test
    void isAnEd25519OctetKeyPairWithExactlyTheExpectedMembers() throws Exception {
        String json = generator.generate(Contexts.fresh());
        OctetKeyPair key = OctetKeyPair.parse(json);
        Map<String, Object> members = JSONObjectUtils.parse(json);

        assertEquals(Set.of("kty", "crv", "x", "d", "alg", "use", "kid"), members.keySet());
        assertEquals("OKP", members.get("kty"));
        assertEquals("EdDSA", members.get("alg"));
        assertEquals("sig", members.get("use"));
        assertEquals(Curve.Ed25519, key.getCurve());
        assertEquals(32, key.getDecodedD().length);
        assertEquals(32, key.getDecodedX().length);
        assertTrue(json.chars().noneMatch(Character::isWhitespace), "compact JSON");
    }

    @Test
    void kidIsTheRfc7638Thumbprint() throws Exception {
        Map<String, Object> members = JSONObjectUtils.parse(generator.generate(Contexts.fresh()));

        assertEquals(Rfc7638.thumbprint(members, "crv", "kty", "x"), members.get("kid"));
    }

    @Test
    void publicKeyBelongsToThePrivateKey() throws Exception {
        OctetKeyPair key = OctetKeyPair.parse(generator.generate(Contexts.fresh()));

        byte[] derived = new Ed25519PrivateKeyParameters(key.getDecodedD())
                .generatePublicKey()
                .getEncoded();
        assertArrayEquals(key.getDecodedX(), derived);
    }

    @Test
    void signsAnEdDsaJwsThatThePublicKeyVerifies() throws Exception {
        OctetKeyPair key = OctetKeyPair.parse(generator.generate(Contexts.fresh()));
        JWSObject unsigned = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(key.getKeyID()).build(), new Payload("rotate me"));
        byte[] signature = sign(key.getDecodedD(), unsigned.getSigningInput());
        String compact =
                new String(unsigned.getSigningInput(), StandardCharsets.US_ASCII) + "." + Base64URL.encode(signature);

        JWSObject received = JWSObject.parse(compact);
        assertEquals(JWSAlgorithm.EdDSA, received.getHeader().getAlgorithm());
        assertTrue(verify(
                key.getDecodedX(),
                received.getSigningInput(),
                received.getSignature().decode()));

        OctetKeyPair stranger = OctetKeyPair.parse(generator.generate(Contexts.fresh()));
        assertFalse(verify(
                stranger.getDecodedX(),
                received.getSigningInput(),
                received.getSignature().decode()));
    }

    @Test
    void mintsADifferentKeyEachTime() throws Exception {
        OctetKeyPair first = OctetKeyPair.parse(generator.generate(Contexts.fresh()));
        OctetKeyPair second = OctetKeyPair.parse(generator.generate(Contexts.fresh()));

        assertNotEquals(first.getD(), second.getD());
        assertNotEquals(first.getKeyID(), second.getKeyID());
    }

    @Test
    void drawsAllItsRandomnessFromTheContext() throws Exception {
        assertEquals(generator.generate(Contexts.seeded("one")), generator.generate(Contexts.seeded("one")));
        assertNotEquals(generator.generate(Contexts.seeded("one")), generator.generate(Contexts.seeded("two")));
    }

    private static byte[] sign(byte[] d, byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, new Ed25519PrivateKeyParameters(d));
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    private static boolean verify(byte[] x, byte[] message, byte[] signature) {
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(x));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }
}

package dev.spectral.generators.builtin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import dev.spectral.generators.GenerationException;
import dev.spectral.generators.GeneratorContext;
import dev.spectral.generators.PrivateJwkGenerator;
import java.util.Arrays;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * {@code ed25519-jwk}: an Ed25519 private JWK (RFC 8037 {@code OKP}) with {@code crv},
 * {@code x}, {@code d}, {@code alg: EdDSA}, {@code use: sig} and a thumbprint {@code kid}.
 *
 * <p>The key pair comes from Bouncy Castle rather than nimbus's {@code OctetKeyPairGenerator},
 * which needs Google Tink and takes no {@code SecureRandom}; nimbus only formats the JSON and
 * computes the thumbprint.
 */
public final class Ed25519JwkGenerator implements PrivateJwkGenerator {

    @Override
    public String id() {
        return "ed25519-jwk";
    }

    @Override
    public String description() {
        return "EdDSA signing key: Ed25519 private OKP JWK (compact JSON), kid = RFC 7638 thumbprint";
    }

    @Override
    public String generate(GeneratorContext context) throws GenerationException {
        byte[] d = null;
        try {
            Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
            generator.init(new Ed25519KeyGenerationParameters(context.random()));
            AsymmetricCipherKeyPair pair = generator.generateKeyPair();
            d = ((Ed25519PrivateKeyParameters) pair.getPrivate()).getEncoded();
            byte[] x = ((Ed25519PublicKeyParameters) pair.getPublic()).getEncoded();
            return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x))
                    .d(Base64URL.encode(d))
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.EdDSA)
                    .keyIDFromThumbprint()
                    .build()
                    .toJSONString();
        } catch (JOSEException | RuntimeException e) {
            // Neither library puts key bytes in its messages; ours is fixed text.
            throw new GenerationException("Could not generate an Ed25519 key pair for " + context.key(), e);
        } finally {
            if (d != null) {
                Arrays.fill(d, (byte) 0);
            }
        }
    }
}

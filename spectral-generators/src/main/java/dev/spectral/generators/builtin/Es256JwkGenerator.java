package dev.spectral.generators.builtin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.spectral.generators.GenerationException;
import dev.spectral.generators.GeneratorContext;
import dev.spectral.generators.PrivateJwkGenerator;

/**
 * {@code es256-jwk}: a P-256 private JWK for ES256 signatures, as compact JSON with {@code kty},
 * {@code crv}, {@code x}, {@code y}, {@code d}, {@code alg}, {@code use} and a {@code kid} that is
 * the RFC 7638 thumbprint, so that the key id is derived from the key and never needs its own
 * bookkeeping.
 */
public final class Es256JwkGenerator implements PrivateJwkGenerator {

    @Override
    public String id() {
        return "es256-jwk";
    }

    @Override
    public String description() {
        return "ES256 signing key: P-256 private JWK (compact JSON), kid = RFC 7638 thumbprint";
    }

    @Override
    public String generate(GeneratorContext context) throws GenerationException {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true)
                    .secureRandom(context.random())
                    .generate()
                    .toJSONString();
        } catch (JOSEException | RuntimeException e) {
            // Fails before any key exists, so the cause cannot hold key material.
            throw new GenerationException("Could not generate a P-256 key pair for " + context.key(), e);
        }
    }
}

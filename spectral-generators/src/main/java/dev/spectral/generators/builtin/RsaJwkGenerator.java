package dev.spectral.generators.builtin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.spectral.generators.GenerationException;
import dev.spectral.generators.GeneratorContext;
import dev.spectral.generators.PrivateJwkGenerator;

/**
 * {@code rsa-jwk}: a 3072-bit RSA private JWK for RS256, with the CRT members, {@code alg},
 * {@code use} and a thumbprint {@code kid}. 3072 bits is the size NIST SP 800-57 pairs with
 * 128-bit security, the level of the other built-ins; it is for consumers that cannot verify
 * EC or EdDSA signatures. Slow to mint (a few hundred milliseconds), which only rotation feels.
 */
public final class RsaJwkGenerator implements PrivateJwkGenerator {

    static final int KEY_SIZE_BITS = 3072;

    @Override
    public String id() {
        return "rsa-jwk";
    }

    @Override
    public String description() {
        return "RS256 signing key: 3072-bit RSA private JWK (compact JSON), kid = RFC 7638 thumbprint";
    }

    @Override
    public String generate(GeneratorContext context) throws GenerationException {
        try {
            return new RSAKeyGenerator(KEY_SIZE_BITS)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .secureRandom(context.random())
                    .generate()
                    .toJSONString();
        } catch (JOSEException | RuntimeException e) {
            // Fails before any key exists, so the cause cannot hold key material.
            throw new GenerationException("Could not generate a 3072-bit RSA key pair for " + context.key(), e);
        }
    }
}

package dev.spectral.provision.verify.scan;

/** A JSON Web Key with private members ({@link Jwks}); a public JWK or JWKS passes. */
public record JwkRule(String id, String description) implements SecretRule {

    @Override
    public boolean matches(String key, String value) {
        return Jwks.hasPrivateKey(value);
    }
}

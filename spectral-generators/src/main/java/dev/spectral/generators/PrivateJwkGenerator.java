package dev.spectral.generators;

/**
 * The optional capability of a generator whose value is one private JSON Web Key (RFC 7517): an
 * asymmetric signing key as a single JSON object with its private members. For such a key the
 * plugin keeps a public key set (JWKS) beside it in 1Password and publishes it, so that verifiers
 * accept tokens signed with the previous key, the current one and, in a two-phase rollover, the
 * next one.
 *
 * <p>The contract, beyond {@link SecretGenerator}'s: the value is a JSON object with {@code kty}
 * {@code EC}, {@code RSA} or {@code OKP} and its public and private members; when it has a
 * {@code kid}, that is the key's RFC 7638 thumbprint (SHA-256, base64url), because the published
 * set names every key by its thumbprint and a verifier picks the key by the token's {@code kid}.
 */
public interface PrivateJwkGenerator extends SecretGenerator {}

package dev.spectral.it.github;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * An environment's X25519 key pair for secrets. Derived from the repository id and the
 * environment name (SHA-256), so it is the same after a restart without being stored.
 */
record EnvironmentKey(String keyId, byte[] publicKey, byte[] secretKey) {

    static EnvironmentKey of(RepoState repo, EnvironmentState env) {
        byte[] seed = sha256("spectral-github-emulator/" + repo.id + "/" + env.name.toLowerCase(Locale.ROOT));
        byte[] secretKey = seed.clone();
        X25519.clampPrivateKey(secretKey);
        byte[] publicKey = new byte[X25519.POINT_SIZE];
        X25519.generatePublicKey(secretKey, 0, publicKey, 0);
        long id = ByteBuffer.wrap(sha256(Base64.getEncoder().encodeToString(publicKey)))
                        .getLong()
                & Long.MAX_VALUE;
        return new EnvironmentKey(Long.toString(id), publicKey, secretKey);
    }

    String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

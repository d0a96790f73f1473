package dev.spectral.it.github;

import java.security.SecureRandom;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.util.Arrays;

/**
 * Opens a libsodium sealed box (crypto_box_seal), as GitHub does with the secrets gh sends, and
 * seals one, as gh does (for the test stand-in of gh, {@code cli.GhLite}).
 *
 * <p>Layout: ephemeral public key (32) || Poly1305 tag (16) || ciphertext. The nonce is
 * BLAKE2b-192(epk || recipient pk); the box key is HSalsa20(X25519(sk, epk), 0^16); the box is
 * XSalsa20-Poly1305 (the first 32 keystream bytes are the one-time Poly1305 key).
 */
public final class SealedBox {
    static final int PUBLIC_KEY_BYTES = 32;
    static final int TAG_BYTES = 16;
    static final int OVERHEAD = PUBLIC_KEY_BYTES + TAG_BYTES;

    private SealedBox() {}

    /** Thrown when a box is malformed or does not authenticate. */
    static final class InvalidBoxException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidBoxException(String message) {
            super(message);
        }
    }

    static byte[] open(byte[] sealed, byte[] recipientPublicKey, byte[] recipientSecretKey) throws InvalidBoxException {
        if (sealed.length < OVERHEAD) {
            throw new InvalidBoxException("sealed box shorter than " + OVERHEAD + " bytes");
        }
        byte[] ephemeralPublicKey = Arrays.copyOfRange(sealed, 0, PUBLIC_KEY_BYTES);
        byte[] tag = Arrays.copyOfRange(sealed, PUBLIC_KEY_BYTES, OVERHEAD);
        byte[] ciphertext = Arrays.copyOfRange(sealed, OVERHEAD, sealed.length);

        byte[] shared = new byte[32];
        if (!X25519.calculateAgreement(recipientSecretKey, 0, ephemeralPublicKey, 0, shared, 0)) {
            throw new InvalidBoxException("ephemeral key gives an all-zero shared secret");
        }
        byte[] boxKey = HSalsa20.derive(shared, new byte[16]);
        byte[] nonce = nonce(ephemeralPublicKey, recipientPublicKey);

        XSalsa20Engine stream = new XSalsa20Engine();
        stream.init(false, new ParametersWithIV(new KeyParameter(boxKey), nonce));
        byte[] macKey = new byte[32];
        stream.processBytes(new byte[32], 0, 32, macKey, 0);

        Poly1305 mac = new Poly1305();
        mac.init(new KeyParameter(macKey));
        mac.update(ciphertext, 0, ciphertext.length);
        byte[] expected = new byte[TAG_BYTES];
        mac.doFinal(expected, 0);
        if (!Arrays.constantTimeAreEqual(expected, tag)) {
            throw new InvalidBoxException("sealed box does not authenticate");
        }
        byte[] plaintext = new byte[ciphertext.length];
        stream.processBytes(ciphertext, 0, ciphertext.length, plaintext, 0);
        return plaintext;
    }

    /**
     * crypto_box_seal: a fresh ephemeral key pair, then the box as {@link #open} reads it. The
     * evidence that this is libsodium's format is that {@link #open}, checked against boxes libsodium
     * sealed (SealedBoxTest), opens it, and that the real gh's boxes open the same way (RealGhTest).
     */
    public static byte[] seal(byte[] message, byte[] recipientPublicKey, SecureRandom random) {
        if (recipientPublicKey.length != PUBLIC_KEY_BYTES) {
            throw new IllegalArgumentException(
                    "a public key has " + PUBLIC_KEY_BYTES + " bytes, not " + recipientPublicKey.length);
        }
        byte[] ephemeralSecret = new byte[32];
        X25519.generatePrivateKey(random, ephemeralSecret);
        byte[] ephemeralPublic = new byte[PUBLIC_KEY_BYTES];
        X25519.generatePublicKey(ephemeralSecret, 0, ephemeralPublic, 0);
        byte[] shared = new byte[32];
        if (!X25519.calculateAgreement(ephemeralSecret, 0, recipientPublicKey, 0, shared, 0)) {
            throw new IllegalArgumentException("the public key gives an all-zero shared secret");
        }

        XSalsa20Engine stream = new XSalsa20Engine();
        stream.init(
                true,
                new ParametersWithIV(
                        new KeyParameter(HSalsa20.derive(shared, new byte[16])),
                        nonce(ephemeralPublic, recipientPublicKey)));
        byte[] macKey = new byte[32];
        stream.processBytes(new byte[32], 0, 32, macKey, 0);
        byte[] ciphertext = new byte[message.length];
        stream.processBytes(message, 0, message.length, ciphertext, 0);
        Poly1305 mac = new Poly1305();
        mac.init(new KeyParameter(macKey));
        mac.update(ciphertext, 0, ciphertext.length);
        byte[] tag = new byte[TAG_BYTES];
        mac.doFinal(tag, 0);

        byte[] out = new byte[OVERHEAD + message.length];
        System.arraycopy(ephemeralPublic, 0, out, 0, PUBLIC_KEY_BYTES);
        System.arraycopy(tag, 0, out, PUBLIC_KEY_BYTES, TAG_BYTES);
        System.arraycopy(ciphertext, 0, out, OVERHEAD, ciphertext.length);
        return out;
    }

    static byte[] nonce(byte[] ephemeralPublicKey, byte[] recipientPublicKey) {
        Blake2bDigest blake = new Blake2bDigest(192);
        blake.update(ephemeralPublicKey, 0, ephemeralPublicKey.length);
        blake.update(recipientPublicKey, 0, recipientPublicKey.length);
        byte[] nonce = new byte[24];
        blake.doFinal(nonce, 0);
        return nonce;
    }
}

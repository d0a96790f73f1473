package dev.spectral.it.github;

import java.security.SecureRandom;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * crypto_box_seal for the API tests. Not evidence that SealedBox is right (it shares its
 * primitives): libsodium's vectors in SealedBoxTest and the real gh in RealGhTest are.
 */
final class TestSealer {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestSealer() {
    }

    static byte[] seal(byte[] message, byte[] recipientPublicKey) {
        byte[] ephemeralSecret = new byte[32];
        X25519.generatePrivateKey(RANDOM, ephemeralSecret);
        byte[] ephemeralPublic = new byte[32];
        X25519.generatePublicKey(ephemeralSecret, 0, ephemeralPublic, 0);
        byte[] shared = new byte[32];
        X25519.calculateAgreement(ephemeralSecret, 0, recipientPublicKey, 0, shared, 0);

        XSalsa20Engine stream = new XSalsa20Engine();
        stream.init(true, new ParametersWithIV(new KeyParameter(HSalsa20.derive(shared, new byte[16])),
                SealedBox.nonce(ephemeralPublic, recipientPublicKey)));
        byte[] macKey = new byte[32];
        stream.processBytes(new byte[32], 0, 32, macKey, 0);
        byte[] ciphertext = new byte[message.length];
        stream.processBytes(message, 0, message.length, ciphertext, 0);
        Poly1305 mac = new Poly1305();
        mac.init(new KeyParameter(macKey));
        mac.update(ciphertext, 0, ciphertext.length);
        byte[] tag = new byte[16];
        mac.doFinal(tag, 0);

        byte[] out = new byte[48 + message.length];
        System.arraycopy(ephemeralPublic, 0, out, 0, 32);
        System.arraycopy(tag, 0, out, 32, 16);
        System.arraycopy(ciphertext, 0, out, 48, ciphertext.length);
        return out;
    }
}

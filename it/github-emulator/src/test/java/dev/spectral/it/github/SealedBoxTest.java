package dev.spectral.it.github;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.Test;

/**
 * Boxes sealed by libsodium 1.0.18 (Debian's libsodium23), independent of the code under test:
 * <pre>
 * s = ctypes.CDLL('libsodium.so.23'); s.sodium_init()
 * sk = bytes(range(1, 33)); pk = ctypes.create_string_buffer(32); s.crypto_scalarmult_base(pk, sk)
 * out = ctypes.create_string_buffer(48 + len(msg)); s.crypto_box_seal(out, msg, len(msg), pk)
 * </pre>
 */
class SealedBoxTest {
    private static final byte[] SECRET_KEY = range(1, 33);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PUBLIC_KEY = "B6N8vBQgk8i3VdwbEOhstCY3StFqqFPtC9/AsrhtHHw=";
    private static final String MESSAGE = "line one\nline two \u2713\n-----BEGIN KEY-----";
    private static final String BOX =
            "bGDLmbiTHmYyzJ5n/7Xs2kywdEMU8LiX5JEIqMUI2F7DctVkoLfWLIsz64fL0aG/ymtpavuNhWJziguo5s"
                    + "+nT8sVjmHw21sd7EheYSDJl22Yy3IGpq7KEoU=";
    private static final String EMPTY_BOX = "qB99daD89eE5psB041UHPrN3GwPIRgv/09wmxnJMFRM1pRkGSk+hyvb6aU87Nefh";

    @Test
    void publicKeyMatchesLibsodium() {
        byte[] pk = new byte[32];
        X25519.generatePublicKey(SECRET_KEY, 0, pk, 0);
        assertEquals(PUBLIC_KEY, Base64.getEncoder().encodeToString(pk));
    }

    @Test
    void opensLibsodiumSealedBox() throws Exception {
        byte[] plain = SealedBox.open(decode(BOX), decode(PUBLIC_KEY), SECRET_KEY);
        assertEquals(MESSAGE, new String(plain, StandardCharsets.UTF_8));
    }

    @Test
    void opensLibsodiumSealedBoxOfEmptyMessage() throws Exception {
        assertArrayEquals(new byte[0], SealedBox.open(decode(EMPTY_BOX), decode(PUBLIC_KEY), SECRET_KEY));
    }

    @Test
    void rejectsTamperedCiphertextTagAndEphemeralKey() {
        for (int index : new int[] {0, 32, 47, 48, decode(BOX).length - 1}) {
            byte[] box = decode(BOX);
            box[index] ^= 1;
            assertThrows(
                    SealedBox.InvalidBoxException.class,
                    () -> SealedBox.open(box, decode(PUBLIC_KEY), SECRET_KEY),
                    "flipped byte " + index);
        }
    }

    @Test
    void rejectsWrongRecipientAndShortBox() {
        byte[] otherSecret = range(2, 34);
        byte[] otherPublic = new byte[32];
        X25519.generatePublicKey(otherSecret, 0, otherPublic, 0);
        assertThrows(SealedBox.InvalidBoxException.class, () -> SealedBox.open(decode(BOX), otherPublic, otherSecret));
        assertThrows(
                SealedBox.InvalidBoxException.class,
                () -> SealedBox.open(new byte[47], decode(PUBLIC_KEY), SECRET_KEY));
    }

    @Test
    void sealRoundTrips() throws Exception {
        byte[] message = "round trip".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = SealedBox.seal(message, decode(PUBLIC_KEY), RANDOM);
        assertArrayEquals(message, SealedBox.open(sealed, decode(PUBLIC_KEY), SECRET_KEY));
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    private static byte[] range(int from, int to) {
        byte[] out = new byte[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (from + i);
        }
        return out;
    }
}

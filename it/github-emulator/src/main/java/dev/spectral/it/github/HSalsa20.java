package dev.spectral.it.github;

import org.bouncycastle.crypto.engines.Salsa20Engine;
import org.bouncycastle.util.Pack;

/**
 * HSalsa20 (the key-derivation step of XSalsa20 and of NaCl's crypto_box), which Bouncy Castle
 * uses inside XSalsa20Engine but does not expose. Built on BC's Salsa20 core: the core adds the
 * input words back in at the end, HSalsa20 wants the state before that, so they are subtracted.
 */
final class HSalsa20 {
    private static final int[] SIGMA = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};
    private static final int[] OUTPUT_WORDS = {0, 5, 10, 15, 6, 7, 8, 9};

    private HSalsa20() {}

    /** @param key 32 bytes; @param input 16 bytes; @return 32 bytes */
    static byte[] derive(byte[] key, byte[] input) {
        if (key.length != 32 || input.length != 16) {
            throw new IllegalArgumentException("HSalsa20 takes a 32-byte key and a 16-byte input");
        }
        int[] state = new int[16];
        state[0] = SIGMA[0];
        state[5] = SIGMA[1];
        state[10] = SIGMA[2];
        state[15] = SIGMA[3];
        Pack.littleEndianToInt(key, 0, state, 1, 4);
        Pack.littleEndianToInt(key, 16, state, 11, 4);
        Pack.littleEndianToInt(input, 0, state, 6, 4);

        int[] mixed = new int[16];
        Salsa20Engine.salsaCore(20, state, mixed);

        byte[] out = new byte[32];
        for (int i = 0; i < OUTPUT_WORDS.length; i++) {
            int w = OUTPUT_WORDS[i];
            Pack.intToLittleEndian(mixed[w] - state[w], out, i * 4);
        }
        return out;
    }
}

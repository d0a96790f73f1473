package dev.spectral.it.github;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

class HSalsa20Test {

    /** NaCl's tests/core1.c: the crypto_box "firstkey" derived from Alice and Bob's shared secret. */
    @Test
    void matchesNaclCore1Vector() {
        byte[] shared = Hex.decode("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
        byte[] firstKey = Hex.decode("1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389");
        assertArrayEquals(firstKey, HSalsa20.derive(shared, new byte[16]));
    }

    /** Produced by libsodium 1.0.18: crypto_core_hsalsa20(out, in, k, NULL). */
    @Test
    void matchesLibsodiumWithNonZeroInput() {
        byte[] key = Hex.decode("202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f");
        byte[] input = Hex.decode("6465666768696a6b6c6d6e6f70717273");
        byte[] expected = Hex.decode("3b7918b3700a917c03fe32086beee0744f99cb5cf2ed204c577e9d691cda95ac");
        assertArrayEquals(expected, HSalsa20.derive(key, input));
    }

    @Test
    void rejectsWrongSizes() {
        assertThrows(IllegalArgumentException.class, () -> HSalsa20.derive(new byte[31], new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> HSalsa20.derive(new byte[32], new byte[8]));
    }
}

package dev.spectral.provision.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.spectral.provision.secret.Redactor;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class MaskedCauseTest {

    @Test
    void aCauseKeepsItsClassAndStackAndLosesItsValues() {
        Redactor redactor = new Redactor();
        redactor.register("sk-live-value-0042");
        IOException root = new IOException("pipe broke after sk-live-value-0042");
        IllegalStateException top = new IllegalStateException("wrapping sk-live-value-0042", root);

        Throwable masked = MaskedCause.of(top, redactor);

        assertEquals("java.lang.IllegalStateException: wrapping ***", masked.getMessage());
        assertArrayEquals(top.getStackTrace(), masked.getStackTrace());
        assertEquals(
                "java.io.IOException: pipe broke after ***", masked.getCause().getMessage());
        assertArrayEquals(root.getStackTrace(), masked.getCause().getStackTrace());
        assertNull(masked.getCause().getCause());
        assertNull(MaskedCause.of(null, redactor));
    }
}

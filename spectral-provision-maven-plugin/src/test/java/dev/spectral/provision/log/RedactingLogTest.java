package dev.spectral.provision.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spectral.provision.secret.Redactor;
import dev.spectral.provision.testing.RecordingLog;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactingLogTest {

    private final Redactor redactor = new Redactor();

    @Test
    void redactsEveryLevelBeforeTheDelegateSeesIt() {
        RecordingLog delegate = new RecordingLog(true);
        Log log = new RedactingLog(delegate, redactor);
        redactor.register("ghp_abcdefSECRET");

        log.debug("d ghp_abcdefSECRET");
        log.info("i ghp_abcdefSECRET");
        log.warn("w ghp_abcdefSECRET");
        log.error("e ghp_abcdefSECRET");

        assertEquals(List.of("DEBUG d ***", "INFO i ***", "WARN w ***", "ERROR e ***"), delegate.lines());
    }

    @Test
    void redactsValuesRegisteredAfterTheLogWasMade() {
        RecordingLog delegate = new RecordingLog(true);
        Log log = new RedactingLog(delegate, redactor);

        log.info("before late-secret-value");
        redactor.register("late-secret-value");
        log.info("after late-secret-value");

        assertEquals(List.of("INFO before late-secret-value", "INFO after ***"), delegate.lines());
    }

    @Test
    void dropsDebugLinesWhenTheDelegateHasDebugOff() {
        RecordingLog delegate = new RecordingLog(false);
        Log log = new RedactingLog(delegate, redactor);

        log.debug("not shown");
        log.info("shown");

        assertEquals(List.of("INFO shown"), delegate.lines());
        assertFalse(log.isDebugEnabled());
    }

    @Test
    void reportsTheDelegatesDebugSetting() {
        assertTrue(new RedactingLog(new RecordingLog(true), redactor).isDebugEnabled());
    }
}

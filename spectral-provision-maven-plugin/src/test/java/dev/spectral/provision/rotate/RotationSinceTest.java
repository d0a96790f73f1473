package dev.spectral.provision.rotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spectral.provision.report.ActionsRun;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The record's inputs from outside the file: the suspected start of the incident, and the Actions run. */
class RotationSinceTest {

    @ParameterizedTest
    @CsvSource({
        "2026-03-01T12:00:00Z, 2026-03-01T12:00:00Z",
        "2026-03-01T14:00:00+02:00, 2026-03-01T12:00:00Z",
        "2026-03-01, 2026-03-01T00:00:00Z",
        "' 2026-03-01 ', 2026-03-01T00:00:00Z"
    })
    void anInstantADateTimeWithOffsetOrADate(String given, String expected) throws RotationException {
        assertEquals(Optional.of(Instant.parse(expected)), Since.parse(Optional.of(given)));
    }

    @Test
    void absentOrBlankIsNoWindow() throws RotationException {
        assertEquals(Optional.empty(), Since.parse(Optional.empty()));
        assertEquals(Optional.empty(), Since.parse(Optional.of("  ")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-13-01", "01/03/2026", "2026-03-01 12:00"})
    void anythingElseIsRefusedSayingWhatIsExpected(String given) {
        RotationException e = assertThrows(RotationException.class, () -> Since.parse(Optional.of(given)));

        assertEquals(RotationException.Cause.CONFIGURATION, e.reason());
        assertTrue(
                e.getMessage().contains("ISO-8601 instant (2026-03-01T12:00:00Z) or date (2026-03-01)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Nothing was written"), e.getMessage());
    }

    @Test
    void theRunUrlNeedsServerRepositoryAndRunId() {
        Map<String, String> actions = Map.of(
                "GITHUB_SERVER_URL",
                "https://github.example.com/",
                "GITHUB_REPOSITORY",
                "acme/app",
                "GITHUB_RUN_ID",
                "987654321");

        assertEquals(
                Optional.of("https://github.example.com/acme/app/actions/runs/987654321"), ActionsRun.url(actions));
        assertEquals(
                Optional.empty(),
                ActionsRun.url(Map.of("GITHUB_SERVER_URL", "https://github.com", "GITHUB_REPOSITORY", "acme/app")));
        assertEquals(Optional.empty(), ActionsRun.url(Map.of()));
    }
}

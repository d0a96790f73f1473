package dev.spectral.provision.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spectral.provision.github.Pace;
import dev.spectral.provision.testing.RecordingLog;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private final RecordingLog log = new RecordingLog();
    private final AtomicReference<Pace> pace = new AtomicReference<>(Pace.NONE);

    private static Map<String, Integer> totals() {
        Map<String, Integer> totals = new LinkedHashMap<>();
        totals.put("production", 300);
        totals.put("staging", 2);
        return totals;
    }

    @Test
    void aLineSaysHowFarEachEnvironmentIsAndWhatTheRunWaitsFor() {
        try (Progress progress = new Progress(totals(), pace::get, log, Duration.ofHours(1))) {
            progress.done("production", 180);
            pace.set(new Pace(Optional.of("waiting 41 s for GitHub's rate limit"), 3, Duration.ZERO));

            assertEquals(
                    "production: 180/300 written, staging: 0/2 written; waiting 41 s for GitHub's rate limit",
                    progress.line());
        }
        assertEquals(
                List.of("INFO production: 180/300 written, staging: 0/2 written; waiting 41 s for GitHub's rate limit"),
                log.lines(),
                "and once at the end");
    }

    @Test
    void whileTheWorkLastsALineComesEveryPeriodEvenWhenNothingMoves() throws Exception {
        try (Progress progress = new Progress(totals(), pace::get, log, Duration.ofMillis(20))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (log.lines().size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        assertTrue(log.lines().size() >= 3, log.lines().toString());
    }

    @Test
    void nothingToWriteLogsNothing() {
        try (Progress progress = new Progress(Map.of(), pace::get, log, Duration.ofMillis(1))) {
            assertEquals("", progress.line());
        }
        assertEquals(List.of(), log.lines());
    }
}

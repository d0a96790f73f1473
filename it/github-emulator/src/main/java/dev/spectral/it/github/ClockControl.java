package dev.spectral.it.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Reads {@code <state>/clock.json} ({"offset_seconds": N}) before each request, so a test in
 * another process can move the emulator's clock. Absent file: offset 0.
 */
final class ClockControl {
    private final Path file;
    private final EmulatorClock clock;

    ClockControl(Path file, EmulatorClock clock) {
        this.file = file;
        this.clock = clock;
    }

    void refresh() {
        long seconds = 0;
        try {
            JsonNode node = Json.MAPPER.readTree(Files.readAllBytes(file));
            JsonNode offset = node == null ? null : node.get("offset_seconds");
            if (offset == null || !offset.canConvertToLong()) {
                throw new ApiException(500, "emulator: clock.json needs {\"offset_seconds\": <integer>}");
            }
            seconds = offset.asLong();
        } catch (NoSuchFileException e) {
            seconds = 0;
        } catch (IOException e) {
            throw new ApiException(500, "emulator: clock.json is not valid JSON");
        }
        clock.setFileOffset(Duration.ofSeconds(seconds));
    }
}

package dev.spectral.it.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Injected failures, read from {@code <state>/faults.json} on every request so that a test can
 * change them between gh runs:
 * {"fail_secret": {"NAME": count}, "unauthorized": true, "rate_limited": true}.
 */
final class Faults {
    private final Path file;

    Faults(Path file) {
        this.file = file;
    }

    /** The flags that apply to every request. */
    record Global(boolean unauthorized, boolean rateLimited) {}

    Global global() {
        ObjectNode faults = read();
        return new Global(
                faults.path("unauthorized").asBoolean(false),
                faults.path("rate_limited").asBoolean(false));
    }

    /**
     * True when a PUT of this secret must fail now: its fail_secret count (name matched without
     * regard to case) is above zero. The count is decremented and written back; at zero the
     * entry is removed.
     */
    boolean consumeSecretFailure(String secretName) {
        ObjectNode faults = read();
        JsonNode failSecret = faults.get("fail_secret");
        if (failSecret == null || !failSecret.isObject()) {
            return false;
        }
        ObjectNode counts = (ObjectNode) failSecret;
        for (Map.Entry<String, JsonNode> entry : counts.properties()) {
            if (!entry.getKey().equalsIgnoreCase(secretName)) {
                continue;
            }
            long left = entry.getValue().asLong(0);
            if (left <= 0) {
                return false;
            }
            if (left == 1) {
                counts.remove(entry.getKey());
            } else {
                counts.put(entry.getKey(), left - 1);
            }
            write(faults);
            return true;
        }
        return false;
    }

    private ObjectNode read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Json.object();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            JsonNode node = Json.MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                return Json.object();
            }
            if (!node.isObject()) {
                throw new ApiException(500, "emulator: faults.json must hold a JSON object");
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new ApiException(500, "emulator: faults.json is not valid JSON");
        }
    }

    private void write(ObjectNode faults) {
        try {
            AtomicFiles.write(file, Json.prettyBytes(faults));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

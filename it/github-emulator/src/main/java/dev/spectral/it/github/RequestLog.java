package dev.spectral.it.github;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends one JSON line per request to {@code requests.log}: method, path (with query), status,
 * and for a request refused by a rate limit {@code "throttled": "primary"|"secondary"} (a
 * secondary one also {@code "limit": "in_flight"|"points"}). Never bodies.
 */
final class RequestLog {
    private final Path file;

    RequestLog(Path file) {
        this.file = file;
    }

    void append(HttpRequest request, int status) {
        append(request, status, null, null);
    }

    /**
     * @param throttled "primary", "secondary" or null
     * @param limit     for "secondary": "in_flight" or "points"; else null
     */
    synchronized void append(HttpRequest request, int status, String throttled, String limit) {
        ObjectNode line = Json.object();
        line.put("method", request.method());
        line.put("path", request.target());
        line.put("status", status);
        if (throttled != null) {
            line.put("throttled", throttled);
        }
        if (limit != null) {
            line.put("limit", limit);
        }
        byte[] bytes = (new String(Json.bytes(line), StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("github-emulator: could not append to " + file + ": " + e);
        }
    }
}

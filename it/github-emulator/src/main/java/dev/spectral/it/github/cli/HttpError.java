package dev.spectral.it.github.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An API answer above 299 as the gh commands other than {@code gh api} report it (go-gh's
 * {@code HTTPError}): {@code HTTP 404: Not Found (https://api.github.com/...)}; a message of several
 * lines puts its first line there and the rest after.
 */
final class HttpError {
    static final ObjectMapper JSON = new ObjectMapper();

    private final int code;
    private final String message;
    private final String url;

    private HttpError(int code, String message, String url) {
        this.code = code;
        this.message = message;
        this.url = url;
    }

    static HttpError of(UnixHttp.Response response, String url) {
        return new HttpError(response.code(), message(response), url);
    }

    int code() {
        return code;
    }

    /** go-gh joins the body's {@code message} and each of its {@code errors}' messages with newlines. */
    private static String message(UnixHttp.Response response) {
        List<String> messages = new ArrayList<>();
        try {
            JsonNode body = JSON.readTree(response.body());
            if (body != null && body.isObject()) {
                if (body.path("message").isTextual()
                        && !body.get("message").asText().isEmpty()) {
                    messages.add(body.get("message").asText());
                }
                for (JsonNode error : body.path("errors")) {
                    if (error.isTextual()) {
                        messages.add(error.asText());
                    } else if (error.path("message").isTextual()
                            && !error.get("message").asText().isEmpty()) {
                        messages.add(error.get("message").asText());
                    }
                }
            }
        } catch (IOException e) {
            // not JSON: no message, as in gh
        }
        return String.join("\n", messages);
    }

    @Override
    public String toString() {
        String[] lines = message.split("\n", 2);
        if (lines.length > 1) {
            return "HTTP " + code + ": " + lines[0] + " (" + url + ")\n" + lines[1];
        }
        if (!message.isEmpty()) {
            return "HTTP " + code + ": " + message + " (" + url + ")";
        }
        return "HTTP " + code + " (" + url + ")";
    }
}

package dev.spectral.it.github;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One parsed HTTP/1.1 request. {@code target} is the request-target as sent (path and query). */
record HttpRequest(String method, String target, String version, HttpHeaders headers, byte[] body) {

    String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** Path segments, percent-decoded ("+" stays a plus sign in a path). */
    List<String> segments() {
        List<String> out = new ArrayList<>();
        for (String raw : path().split("/")) {
            if (!raw.isEmpty()) {
                out.add(decode(raw.replace("+", "%2B")));
            }
        }
        return out;
    }

    /** Query parameters (first value wins), form-decoded. */
    Map<String, String> query() {
        Map<String, String> out = new LinkedHashMap<>();
        int q = target.indexOf('?');
        if (q < 0) {
            return out;
        }
        for (String pair : target.substring(q + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.putIfAbsent(decode(key), decode(value));
        }
        return out;
    }

    /** Percent-decodes; a malformed escape leaves the text as sent (the route then simply does not match). */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    Optional<String> header(String name) {
        return headers.first(name);
    }

    /** HTTP/1.1 keeps the connection unless told to close; HTTP/1.0 closes unless told to keep. */
    boolean wantsKeepAlive() {
        if (headers.hasToken("Connection", "close")) {
            return false;
        }
        return !"HTTP/1.0".equals(version) || headers.hasToken("Connection", "keep-alive");
    }
}

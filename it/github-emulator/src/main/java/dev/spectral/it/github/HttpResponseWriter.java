package dev.spectral.it.github;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Writes responses as HTTP/1.1 with Content-Length framing (never chunked). */
final class HttpResponseWriter {
    private final OutputStream out;

    HttpResponseWriter(OutputStream out) {
        this.out = out;
    }

    void writeContinue() throws IOException {
        out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /**
     * @param close    announce "Connection: close" (the caller then closes)
     * @param headOnly a HEAD request: headers as for GET, no body
     */
    void write(HttpResponse response, boolean close, boolean headOnly) throws IOException {
        int status = response.status();
        boolean bodyAllowed = status != 204 && status != 304 && status >= 200;
        StringBuilder head = new StringBuilder(256);
        head.append("HTTP/1.1 ")
                .append(status)
                .append(' ')
                .append(StatusText.of(status))
                .append("\r\n");
        head.append("Date: ")
                .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
                .append("\r\n");
        for (Map.Entry<String, String> field : response.headers().entries()) {
            String name = field.getKey();
            if (name.equalsIgnoreCase("Content-Length")
                    || name.equalsIgnoreCase("Connection")
                    || name.equalsIgnoreCase("Transfer-Encoding")
                    || name.equalsIgnoreCase("Date")) {
                continue;
            }
            head.append(name).append(": ").append(field.getValue()).append("\r\n");
        }
        if (bodyAllowed) {
            head.append("Content-Length: ").append(response.body().length).append("\r\n");
        }
        if (close) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(head.length() + response.body().length);
        bytes.write(head.toString().getBytes(StandardCharsets.UTF_8));
        if (bodyAllowed && !headOnly) {
            bytes.write(response.body());
        }
        out.write(bytes.toByteArray());
        out.flush();
    }
}

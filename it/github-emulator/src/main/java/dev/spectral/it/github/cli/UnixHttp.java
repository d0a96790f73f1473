package dev.spectral.it.github.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 over the Unix socket of gh's {@code http_unix_socket}, the way gh uses it: plain HTTP even
 * for {@code https://} URLs, one connection per request ({@code Connection: close}), the URL's path
 * and query as the request target.
 */
final class UnixHttp {
    static final String API = "https://api.github.com/";

    private final Path socket;
    private final Optional<String> token;

    UnixHttp(Path socket, Optional<String> token) {
        this.socket = socket;
        this.token = token;
    }

    /** A response as Go's net/http hands it to gh: protocol, status line text, headers in order, body. */
    record Response(String proto, int code, String status, List<Map.Entry<String, String>> headers, byte[] body) {
        Optional<String> header(String name) {
            return headers.stream()
                    .filter(h -> h.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst();
        }
    }

    /** A request that never got an answer, worded as Go words it: {@code Get "URL": dial unix PATH: connect: ...}. */
    static final class TransportException extends IOException {
        private static final long serialVersionUID = 1L;

        TransportException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** An API path ({@code repos/...}, with or without a leading slash) or an absolute URL. */
    static String url(String pathOrUrl) {
        if (pathOrUrl.startsWith("https://") || pathOrUrl.startsWith("http://")) {
            return pathOrUrl;
        }
        return API + (pathOrUrl.startsWith("/") ? pathOrUrl.substring(1) : pathOrUrl);
    }

    Response send(String method, String url, byte[] body, String accept) throws TransportException {
        URI uri = URI.create(escape(url));
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(uri.getHost()).append("\r\n");
        head.append("User-Agent: gh-lite (Spectral Provision tests)\r\n");
        head.append("Accept: ").append(accept).append("\r\n");
        token.ifPresent(t -> head.append("Authorization: token ").append(t).append("\r\n"));
        if (body != null) {
            head.append("Content-Type: application/json; charset=utf-8\r\n");
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            OutputStream out = Channels.newOutputStream(channel);
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return parse(readAll(Channels.newInputStream(channel)));
        } catch (IOException e) {
            String verb = method.charAt(0) + method.substring(1).toLowerCase(Locale.ROOT);
            String reason = e.getMessage() == null
                    ? e.getClass().getSimpleName()
                    : e.getMessage().toLowerCase(Locale.ROOT);
            throw new TransportException(verb + " \"" + url + "\": dial unix " + socket + ": connect: " + reason, e);
        }
    }

    /** Go's URL parser accepts a space or a non-ASCII character in a path and sends it escaped. */
    private static String escape(String url) {
        StringBuilder out = new StringBuilder();
        for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`'
                    || c == '{' || c == '|' || c == '}') {
                out.append('%').append(String.format("%02X", c));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    /** An answer as the emulator writes it: a status line, headers, a body of Content-Length bytes. */
    static Response parse(byte[] raw) throws IOException {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (end < 0) {
            throw new IOException("the answer ended before its head did");
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2) {
            throw new IOException("malformed status line: " + lines[0]);
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(Map.entry(
                        lines[i].substring(0, colon).strip(),
                        lines[i].substring(colon + 1).strip()));
            }
        }
        String status = lines[0].substring(lines[0].indexOf(' ') + 1).stripLeading();
        Response head =
                new Response(statusLine[0], Integer.parseInt(statusLine[1]), status, List.copyOf(headers), new byte[0]);
        if (head.header("Transfer-Encoding").isPresent()) {
            throw new IOException(
                    "a chunked answer: gh-lite reads only the Content-Length framing the emulator writes");
        }
        int from = end + 4;
        int length = head.header("Content-Length").map(Integer::parseInt).orElse(raw.length - from);
        return new Response(
                head.proto(),
                head.code(),
                status,
                head.headers(),
                Arrays.copyOfRange(raw, from, Math.min(raw.length, from + length)));
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

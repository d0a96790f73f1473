package dev.spectral.it.github;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads HTTP/1.1 requests one after another from a connection's input: the request line, the
 * header fields, then a body framed by Content-Length or by chunked transfer coding. The head
 * and the body are read separately so that the caller can answer "Expect: 100-continue".
 */
final class HttpRequestReader {
    static final int MAX_LINE = 16 * 1024;
    static final int MAX_HEADERS = 200;
    static final int MAX_BODY = 4 * 1024 * 1024;

    /** The request line and header fields. */
    record Head(String method, String target, String version, HttpHeaders headers) {}

    private final InputStream in;

    HttpRequestReader(InputStream in) {
        this.in = in;
    }

    /** Reads a whole request, or returns null when the peer closed the connection between requests. */
    HttpRequest read() throws IOException {
        Head head = readHead();
        return head == null ? null : withBody(head, readBody(head));
    }

    static HttpRequest withBody(Head head, byte[] body) {
        return new HttpRequest(head.method(), head.target(), head.version(), head.headers(), body);
    }

    Head readHead() throws IOException {
        String requestLine = readLine(true);
        // RFC 9112 2.2: a server should ignore at least one empty line before the request line.
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = readLine(true);
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || !parts[2].startsWith("HTTP/1.")) {
            throw new BadRequestException("malformed request line");
        }
        HttpHeaders headers = new HttpHeaders();
        int count = 0;
        for (String line = readLine(false); !line.isEmpty(); line = readLine(false)) {
            if (++count > MAX_HEADERS) {
                throw new BadRequestException(431, "too many header fields");
            }
            int colon = line.indexOf(':');
            if (colon <= 0
                    || Character.isWhitespace(line.charAt(0))
                    || Character.isWhitespace(line.charAt(colon - 1))) {
                throw new BadRequestException("malformed header field");
            }
            headers.add(line.substring(0, colon), line.substring(colon + 1).trim());
        }
        return new Head(parts[0], parts[1], parts[2], headers);
    }

    byte[] readBody(Head head) throws IOException {
        HttpHeaders headers = head.headers();
        if (headers.contains("Transfer-Encoding")) {
            if (!headers.hasToken("Transfer-Encoding", "chunked")) {
                throw new BadRequestException(501, "only chunked transfer coding is supported");
            }
            return readChunked();
        }
        if (headers.contains("Content-Length")) {
            if (headers.all("Content-Length").size() != 1) {
                throw new BadRequestException("several Content-Length fields");
            }
            long length;
            try {
                length = Long.parseLong(headers.first("Content-Length").orElseThrow());
            } catch (NumberFormatException e) {
                throw new BadRequestException("bad Content-Length");
            }
            if (length < 0) {
                throw new BadRequestException("bad Content-Length");
            }
            if (length > MAX_BODY) {
                throw new BadRequestException(413, "body too large");
            }
            return readExactly((int) length);
        }
        return new byte[0];
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(false);
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
            int size;
            try {
                size = Integer.parseInt(hex, 16);
            } catch (NumberFormatException e) {
                throw new BadRequestException("bad chunk size");
            }
            if (size < 0 || body.size() + (long) size > MAX_BODY) {
                throw new BadRequestException(413, "body too large");
            }
            if (size == 0) {
                break;
            }
            body.write(readExactly(size));
            if (!readLine(false).isEmpty()) {
                throw new BadRequestException("chunk not followed by CRLF");
            }
        }
        // Trailer fields, ignored, up to the empty line.
        int trailers = 0;
        while (!readLine(false).isEmpty()) {
            if (++trailers > MAX_HEADERS) {
                throw new BadRequestException("too many trailer fields");
            }
        }
        return body.toByteArray();
    }

    private byte[] readExactly(int length) throws IOException {
        byte[] data = in.readNBytes(length);
        if (data.length != length) {
            throw new EOFException("connection closed inside a request body");
        }
        return data;
    }

    /**
     * Reads up to CRLF (a bare LF is accepted too). At a clean end of stream before any byte,
     * returns null if {@code eofAllowed}, else fails.
     */
    private String readLine(boolean eofAllowed) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (eofAllowed && line.size() == 0) {
                    return null;
                }
                throw new EOFException("connection closed inside a request");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new BadRequestException(431, "line too long");
            }
            line.write(b);
        }
    }
}

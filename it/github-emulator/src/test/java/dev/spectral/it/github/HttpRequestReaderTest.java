package dev.spectral.it.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpRequestReaderTest {

    private static HttpRequestReader reader(String raw) {
        return new HttpRequestReader(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }

    private static String body(HttpRequest request) {
        return new String(request.body(), StandardCharsets.UTF_8);
    }

    @Test
    void readsContentLengthBodyAndHeadersCaseInsensitively() throws Exception {
        HttpRequest r = reader("PUT /repos/a/b/environments/prod/secrets/X HTTP/1.1\r\n"
                        + "Host: api.github.com\r\nauthorization: token t\r\nContent-Length: 7\r\n\r\n{\"a\":1}")
                .read();
        assertEquals("PUT", r.method());
        assertEquals(List.of("repos", "a", "b", "environments", "prod", "secrets", "X"), r.segments());
        assertEquals("token t", r.header("Authorization").orElseThrow());
        assertEquals("{\"a\":1}", body(r));
    }

    @Test
    void readsChunkedBodyWithExtensionsAndTrailers() throws Exception {
        // What Go's client sends for `gh api --input -`: Transfer-Encoding: chunked.
        HttpRequest r = reader("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "5;ext=1\r\nhello\r\n"
                        + "7\r\n, world\r\n"
                        + "0\r\nX-Trailer: yes\r\n\r\n")
                .read();
        assertEquals("hello, world", body(r));
    }

    @Test
    void readsSeveralRequestsFromOneConnection() throws Exception {
        HttpRequestReader reader = reader("GET /one?per_page=2&page=3 HTTP/1.1\r\nHost: h\r\n\r\n"
                + "POST /two HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc"
                + "POST /three HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nxyz\r\n0\r\n\r\n"
                + "GET /four HTTP/1.1\r\nConnection: close\r\n\r\n");
        HttpRequest one = reader.read();
        assertEquals("/one", one.path());
        assertEquals(Map.of("per_page", "2", "page", "3"), one.query());
        assertTrue(one.wantsKeepAlive());
        assertEquals("abc", body(reader.read()));
        assertEquals("xyz", body(reader.read()));
        HttpRequest four = reader.read();
        assertEquals("/four", four.path());
        assertFalse(four.wantsKeepAlive());
        assertNull(reader.read(), "clean end of stream between requests");
    }

    @Test
    void http10ClosesUnlessKeepAliveIsAsked() throws Exception {
        assertFalse(reader("GET / HTTP/1.0\r\n\r\n").read().wantsKeepAlive());
        assertTrue(reader("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                .read()
                .wantsKeepAlive());
    }

    @Test
    void acceptsBareLineFeeds() throws Exception {
        HttpRequest r = reader("POST /x HTTP/1.1\nContent-Length: 2\n\nok").read();
        assertEquals("ok", body(r));
    }

    @Test
    void decodesPercentEncodedSegments() throws Exception {
        HttpRequest r = reader("GET /repos/a/b/environments/my%20env%2Bx HTTP/1.1\r\n\r\n")
                .read();
        assertEquals("my env+x", r.segments().get(4));
        assertEquals(
                List.of("bad%zz"), reader("GET /bad%zz HTTP/1.1\r\n\r\n").read().segments());
    }

    @Test
    void rejectsMalformedInput() {
        assertThrows(BadRequestException.class, () -> reader("GARBAGE\r\n\r\n").read());
        assertThrows(
                BadRequestException.class,
                () -> reader("GET / HTTP/1.1\r\nNoColon\r\n\r\n").read());
        assertThrows(
                BadRequestException.class,
                () -> reader("POST / HTTP/1.1\r\nContent-Length: x\r\n\r\n").read());
        assertThrows(
                BadRequestException.class,
                () -> reader("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                        .read());
        assertThrows(
                BadRequestException.class,
                () -> reader("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n")
                        .read());
        assertThrows(
                EOFException.class,
                () -> reader("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nshort")
                        .read());
        BadRequestException tooBig = assertThrows(
                BadRequestException.class,
                () -> reader("POST / HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n")
                        .read());
        assertEquals(413, tooBig.status());
    }
}

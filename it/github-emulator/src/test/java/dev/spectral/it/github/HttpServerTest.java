package dev.spectral.it.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server over a real Unix domain socket, with a handler that echoes method, path and body. */
class HttpServerTest {
    @TempDir
    Path dir;

    private HttpServer server;
    private Path socket;
    private final AtomicInteger handled = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = new HttpServer(request -> {
            handled.incrementAndGet();
            if (request.path().equals("/empty")) {
                return HttpResponse.empty(204);
            }
            String text = request.method() + " " + request.target() + " "
                    + new String(request.body(), StandardCharsets.UTF_8);
            return new HttpResponse(
                    200, new HttpHeaders().add("Content-Type", "text/plain"), text.getBytes(StandardCharsets.UTF_8));
        });
        socket = dir.resolve("s.sock");
        server.listenUnix(socket);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A minimal response reader: status line, headers, Content-Length body. */
    record Response(int status, String head, String body) {}

    private static Response readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
        }
        String headText = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : headText.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        return new Response(Integer.parseInt(headText.substring(9, 12)), headText, body);
    }

    private static void send(SocketChannel channel, String raw) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(raw.getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @Test
    void servesSeveralRequestsOnOneConnection() throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            InputStream in = Channels.newInputStream(channel);
            send(channel, "GET /a HTTP/1.1\r\nHost: api.github.com\r\n\r\n");
            Response first = readResponse(in);
            assertEquals(200, first.status());
            assertEquals("GET /a ", first.body());
            assertFalse(first.head().contains("Connection: close"));

            send(channel, "POST /b HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nbody\r\n0\r\n\r\n");
            assertEquals("POST /b body", readResponse(in).body());

            // Pipelined: two requests written before reading either answer.
            send(channel, "PUT /c HTTP/1.1\r\nContent-Length: 1\r\n\r\nxGET /empty HTTP/1.1\r\n\r\n");
            assertEquals("PUT /c x", readResponse(in).body());
            Response empty = readResponse(in);
            assertEquals(204, empty.status());
            assertFalse(empty.head().toLowerCase().contains("content-length"), "204 carries no Content-Length");

            send(channel, "GET /last HTTP/1.1\r\nConnection: close\r\n\r\n");
            Response last = readResponse(in);
            assertTrue(last.head().contains("Connection: close"));
            assertEquals(-1, in.read(), "server closes after Connection: close");
        }
        assertEquals(5, handled.get());
    }

    @Test
    void answersExpectContinue() throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            InputStream in = Channels.newInputStream(channel);
            send(channel, "PUT /x HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
            Response interim = readResponse(in);
            assertEquals(100, interim.status());
            send(channel, "ok");
            assertEquals("PUT /x ok", readResponse(in).body());
        }
    }

    @Test
    void anExchangeSpansHeadReadToResponseWritten() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        HttpServer tracking = new HttpServer(new Handler() {
            @Override
            public HttpResponse handle(HttpRequest request) {
                return HttpResponse.empty(204);
            }

            @Override
            public Exchange open() {
                opened.incrementAndGet();
                return new Exchange() {
                    @Override
                    public HttpResponse handle(HttpRequest request) {
                        return HttpResponse.empty(204);
                    }

                    @Override
                    public void close() {
                        closed.incrementAndGet();
                    }
                };
            }
        });
        Path other = dir.resolve("t.sock");
        tracking.listenUnix(other);
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(other))) {
            InputStream in = Channels.newInputStream(channel);
            send(channel, "PUT /x HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
            assertEquals(100, readResponse(in).status());
            assertEquals(1, opened.get(), "opened once the head is read, before the body");
            assertEquals(0, closed.get());
            send(channel, "ok");
            assertEquals(204, readResponse(in).status());
            for (int i = 0; i < 100 && closed.get() == 0; i++) {
                Thread.sleep(10);
            }
            assertEquals(1, closed.get(), "closed once the response is written");
            send(channel, "PUT /y HTTP/1.1\r\nContent-Length: 5\r\n\r\nab");
            channel.shutdownOutput(); // body cut short: the exchange is closed all the same
            assertEquals(-1, in.read());
        } finally {
            tracking.close();
        }
        assertEquals(2, opened.get());
        assertEquals(2, closed.get());
    }

    @Test
    void malformedRequestGets400AndClose() throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            InputStream in = Channels.newInputStream(channel);
            send(channel, "NONSENSE\r\n\r\n");
            Response response = readResponse(in);
            assertEquals(400, response.status());
            assertTrue(response.body().contains("\"documentation_url\""));
            assertEquals(-1, in.read());
        }
        assertEquals(0, handled.get());
    }

    @Test
    void tcpListenerServesToo() throws IOException {
        int port = server.listenTcp(0);
        try (SocketChannel channel = SocketChannel.open(new java.net.InetSocketAddress("127.0.0.1", port))) {
            send(channel, "GET /tcp HTTP/1.1\r\nConnection: close\r\n\r\n");
            assertEquals(
                    "GET /tcp ", readResponse(Channels.newInputStream(channel)).body());
        }
    }

    @Test
    void replacesStaleSocketFileAndRemovesItOnClose() throws IOException {
        server.close();
        assertFalse(Files.exists(socket));
        Files.createFile(socket);
        server = new HttpServer(request -> HttpResponse.empty(204));
        server.listenUnix(socket);
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            send(channel, "GET /empty HTTP/1.1\r\n\r\n");
            assertEquals(204, readResponse(Channels.newInputStream(channel)).status());
        }
    }

    @Test
    void refusesASocketSomeoneListensOn() {
        HttpServer second = new HttpServer(request -> HttpResponse.empty(204));
        org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> second.listenUnix(socket));
        second.close();
    }
}

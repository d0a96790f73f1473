package dev.spectral.it.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Main as a separate JVM, with exactly the runtime classpath the README documents. */
class MainTest {
    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    /** target/classes plus the jars of jackson-databind, -core, -annotations and bcprov. */
    static String runtimeClasspath() {
        return Stream.of(Main.class, ObjectMapper.class, JsonParser.class, JsonProperty.class, X25519.class)
                .map(MainTest::location)
                .distinct()
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                runtimeClasspath(),
                "dev.spectral.it.github.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        started.add(process);
        return process;
    }

    private static String firstLine(InputStream in) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return CompletableFuture.supplyAsync(() -> {
                    try {
                        return reader.readLine();
                    } catch (IOException e) {
                        return "error: " + e;
                    }
                })
                .get(20, TimeUnit.SECONDS);
    }

    private static String get(SocketChannel channel, String path) throws IOException {
        String request = "GET " + path + " HTTP/1.1\r\nHost: api.github.com\r\nAuthorization: token t\r\n"
                + "Connection: close\r\n\r\n";
        channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8)));
        return new String(java.nio.channels.Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void printsReadyAndExitsAfterTheIdleTimeout() throws Exception {
        Path socket = dir.resolve("e.sock");
        Process process = start(
                "--socket",
                socket.toString(),
                "--state",
                dir.resolve("state").toString(),
                "--idle-timeout-seconds",
                "1");
        assertEquals("ready", firstLine(process.getInputStream()));
        assertTrue(Files.exists(socket));
        assertTrue(process.waitFor(15, TimeUnit.SECONDS), "exits by itself when idle");
        assertEquals(0, process.exitValue());
        assertFalse(Files.exists(socket), "socket file removed");
    }

    @Test
    void servesUnixAndTcpAndStopsOnSigterm() throws Exception {
        Path socket = dir.resolve("e.sock");
        Process process = start(
                "--socket", socket.toString(), "--state", dir.resolve("state").toString(), "--port", "0");
        assertEquals("ready", firstLine(process.getInputStream()));
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            assertTrue(get(channel, "/repos/acme/app").contains("\"full_name\":\"acme/app\""));
        }
        String stderr = Files.readString(dir.resolve("stderr.txt"));
        int port = Integer.parseInt(stderr.replaceAll("(?s).*http://127\\.0\\.0\\.1:(\\d+).*", "$1"));
        try (SocketChannel channel = SocketChannel.open(new java.net.InetSocketAddress("127.0.0.1", port))) {
            assertTrue(get(channel, "/repos/acme/app").startsWith("HTTP/1.1 200 OK"));
        }
        process.destroy(); // SIGTERM
        assertTrue(process.waitFor(15, TimeUnit.SECONDS));
        assertFalse(Files.exists(socket), "socket file removed on SIGTERM");
        assertTrue(Files.readString(dir.resolve("state/state.json")).contains("\"acme/app\""));
    }

    @Test
    void limitsFromTheCommandLineAndLimitsJsonOnSigterm() throws Exception {
        Path socket = dir.resolve("e.sock");
        Path state = dir.resolve("state");
        Process process = start(
                "--socket",
                socket.toString(),
                "--state",
                state.toString(),
                "--limits",
                "--primary-limit",
                "1",
                "--clock-scale",
                "3600");
        assertEquals("ready", firstLine(process.getInputStream()));
        assertTrue(Files.readString(dir.resolve("stderr.txt"))
                .contains("github-emulator: limits on: 100 in flight, "
                        + "900 points a minute per endpoint, 1 requests an hour, clock x3600.0, latency 0 ms"));
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            String response = get(channel, "/repos/acme/app");
            assertTrue(response.contains("\r\nX-RateLimit-Remaining: 0\r\n"), response);
        }
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            String response = get(channel, "/repos/acme/app");
            assertTrue(response.startsWith("HTTP/1.1 403 Forbidden"), response);
            assertTrue(response.contains("API rate limit exceeded for user ID 1."), response);
        }
        process.destroy(); // SIGTERM
        assertTrue(process.waitFor(15, TimeUnit.SECONDS));
        String report = Files.readString(state.resolve("limits.json"));
        assertTrue(report.contains("\"requests\" : 2"), report);
        assertTrue(report.contains("\"throttled_primary\" : 1"), report);
    }

    @Test
    void badArgumentsExit2WithUsage() throws Exception {
        Process process = start("--state");
        assertTrue(process.waitFor(15, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        assertTrue(Files.readString(dir.resolve("stderr.txt")).contains("usage:"));
    }
}

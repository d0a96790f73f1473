package dev.spectral.it.github;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a GH_CONFIG_DIR that sends all of gh's traffic to the emulator: config.yml with
 * {@code http_unix_socket}, hosts.yml with a token for github.com (files are 0600).
 * Run gh with GH_CONFIG_DIR set to the directory, and without GH_TOKEN/GITHUB_TOKEN (they win).
 */
public final class GhConfig {
    public static final String DEFAULT_TOKEN = "test-token";

    private GhConfig() {}

    public static void write(Path configDir, Path socket) throws IOException {
        write(configDir, socket, DEFAULT_TOKEN);
    }

    public static void write(Path configDir, Path socket, String token) throws IOException {
        Files.createDirectories(configDir);
        writePrivate(
                configDir.resolve("config.yml"),
                "http_unix_socket: " + quote(socket.toAbsolutePath().toString()) + "\n");
        writePrivate(
                configDir.resolve("hosts.yml"),
                "github.com:\n"
                        + "    oauth_token: " + quote(token) + "\n"
                        + "    user: it\n"
                        + "    git_protocol: https\n");
    }

    /** {@code java -cp ... dev.spectral.it.github.GhConfig CONFIG_DIR SOCKET [TOKEN]} */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: java dev.spectral.it.github.GhConfig CONFIG_DIR SOCKET [TOKEN]");
            System.exit(2);
        }
        write(Path.of(args[0]), Path.of(args[1]), args.length == 3 ? args[2] : DEFAULT_TOKEN);
    }

    /** A YAML double-quoted scalar. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
    }
}

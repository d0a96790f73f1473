package dev.spectral.it.github;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GhConfigTest {
    @TempDir
    Path dir;

    @Test
    void writesConfigAndPrivateHostsFile() throws Exception {
        Path config = dir.resolve("gh");
        GhConfig.write(config, Path.of("/tmp/a \"b\".sock"));
        assertEquals("http_unix_socket: \"/tmp/a \\\"b\\\".sock\"\n", Files.readString(config.resolve("config.yml")));
        assertEquals(
                "github.com:\n    oauth_token: \"test-token\"\n    user: it\n    git_protocol: https\n",
                Files.readString(config.resolve("hosts.yml")));
        assertEquals(
                "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config.resolve("hosts.yml"))));
    }
}

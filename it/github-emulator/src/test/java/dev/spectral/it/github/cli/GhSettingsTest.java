package dev.spectral.it.github.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spectral.it.github.GhConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GhSettingsTest {
    @TempDir
    Path dir;

    @Test
    void readsWhatGhConfigWrites() throws Exception {
        Path socket = dir.resolve("odd \"name\" \\ here.sock");
        GhConfig.write(dir.resolve("cfg"), socket, "tok'en");
        GhSettings settings =
                GhSettings.read(Map.of("GH_CONFIG_DIR", dir.resolve("cfg").toString()));
        assertEquals(Optional.of(socket.toAbsolutePath()), settings.socket());
        assertEquals(Optional.of("tok'en"), settings.token());
        assertTrue(settings.authenticated());
    }

    @Test
    void tokenVariablesWinOverTheFile() throws Exception {
        GhConfig.write(dir, dir.resolve("s.sock"), "from-file");
        assertEquals(
                Optional.of("env"),
                GhSettings.read(Map.of("GH_CONFIG_DIR", dir.toString(), "GH_TOKEN", "env", "GITHUB_TOKEN", "other"))
                        .token());
        assertEquals(
                Optional.of("other"),
                GhSettings.read(Map.of("GH_CONFIG_DIR", dir.toString(), "GITHUB_TOKEN", "other"))
                        .token());
    }

    @Test
    void aHostEntryWithoutTokenIsConfiguredButSendsNoToken() throws Exception {
        Files.writeString(dir.resolve("hosts.yml"), "github.com:\n    user: it\n    git_protocol: https\n");
        Files.writeString(dir.resolve("config.yml"), "# gh's config\nhttp_unix_socket: '/tmp/x.sock' # a comment\n");
        GhSettings settings = GhSettings.read(Map.of("GH_CONFIG_DIR", dir.toString()));
        assertEquals(Optional.empty(), settings.token());
        assertTrue(settings.authenticated());
        assertEquals(Optional.of(Path.of("/tmp/x.sock")), settings.socket());
    }

    @Test
    void nothingConfiguredIsNotAuthenticated() throws Exception {
        GhSettings settings = GhSettings.read(Map.of("GH_CONFIG_DIR", dir.toString()));
        assertFalse(settings.authenticated());
        assertEquals(Optional.empty(), settings.socket());
        assertEquals(
                dir.resolve("x").resolve("gh"),
                GhSettings.configDir(Map.of("XDG_CONFIG_HOME", dir.resolve("x").toString())));
        assertEquals(Path.of("/home/u/.config/gh"), GhSettings.configDir(Map.of("HOME", "/home/u")));
    }
}

package dev.spectral.provision.publish;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spectral.provision.process.ChildEnvironment;
import dev.spectral.provision.process.Command;
import dev.spectral.provision.process.CommandResult;
import dev.spectral.provision.process.ProcessRunner;
import dev.spectral.provision.secret.Redactor;
import dev.spectral.provision.testing.RecordingLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uses the real git in a temporary folder. */
class DotEnvWriterTest {

    @TempDir
    Path dir;

    private ProcessRunner runner;
    private DotEnvWriter writer;

    @BeforeEach
    void setUp() {
        Map<String, String> env = new HashMap<>(ChildEnvironment.from(System.getenv()));
        // git must not find a repository above the temporary folder, whatever the machine.
        env.put("GIT_CEILING_DIRECTORIES", dir.getParent().toString());
        env.put("HOME", dir.toString());
        runner = new ProcessRunner(dir, env, new RecordingLog(false), new Redactor());
        writer = new DotEnvWriter(runner);
    }

    private void git(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("git", "-C", dir.toString()));
        argv.addAll(List.of(args));
        CommandResult result = runner.run(Command.of("test setup", Duration.ofSeconds(30), argv));
        assertEquals(0, result.exitCode(), argv + ": " + result.stderrText());
    }

    private static String permissions(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private List<String> filesInDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheFileReadableByTheOwnerOnly() throws Exception {
        Path file = dir.resolve(".env");

        writer.write(file, "A='1'\n");

        assertEquals("A='1'\n", Files.readString(file));
        assertEquals("rw-------", permissions(file));
        assertEquals(List.of(".env"), filesInDir());
    }

    @Test
    void createsMissingParentFolders() throws Exception {
        Path file = dir.resolve("nested/deeper/.env");

        writer.write(file, "A='1'\n");

        assertEquals("A='1'\n", Files.readString(file));
        assertEquals("rw-------", permissions(file));
    }

    @Test
    void replacesAnExistingFileAtomicallyAndKeeps0600() throws Exception {
        Path file = dir.resolve(".env");
        Files.writeString(file, "OLD='value'\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        // A second name for the old file: an in-place rewrite would change what it reads.
        Path oldFile =
                Files.createLink(Files.createDirectory(dir.resolve("keep")).resolve("old"), file);

        writer.write(file, "NEW='value'\n");

        assertEquals("NEW='value'\n", Files.readString(file));
        assertEquals("OLD='value'\n", Files.readString(oldFile), "the file was rewritten in place, not replaced");
        assertNotEquals(
                Files.readAttributes(oldFile, BasicFileAttributes.class).fileKey(),
                Files.readAttributes(file, BasicFileAttributes.class).fileKey());
        assertEquals("rw-------", permissions(file));

        writer.write(file, "NEWER='value'\n");

        assertEquals("NEWER='value'\n", Files.readString(file));
        assertEquals("rw-------", permissions(file));
        assertEquals(List.of(".env", "keep"), filesInDir(), "no temporary file is left behind");
    }

    @Test
    void refusesAFileGitDoesNotIgnore() throws Exception {
        git("init", "-q");
        Path file = dir.resolve(".env");

        DotEnvWriter.DotEnvException e =
                assertThrows(DotEnvWriter.DotEnvException.class, () -> writer.checkIgnored(file));

        assertTrue(e.getMessage().contains("not ignored"), e.getMessage());
        assertTrue(e.getMessage().contains(".gitignore"), e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void refusesATrackedFileEvenWhenItIsIgnored() throws Exception {
        git("init", "-q");
        Files.writeString(dir.resolve(".gitignore"), ".env\n");
        Path file = dir.resolve(".env");
        Files.writeString(file, "OLD='committed by mistake'\n");
        git("add", "-f", ".env");

        DotEnvWriter.DotEnvException e =
                assertThrows(DotEnvWriter.DotEnvException.class, () -> writer.checkIgnored(file));

        assertTrue(e.getMessage().contains("tracked"), e.getMessage());
        assertTrue(e.getMessage().contains("git rm --cached .env"), e.getMessage());
        assertEquals("OLD='committed by mistake'\n", Files.readString(file));
    }

    @Test
    void passesAnIgnoredFile() throws Exception {
        git("init", "-q");
        Files.writeString(dir.resolve(".gitignore"), ".env\n");

        assertDoesNotThrow(() -> writer.checkIgnored(dir.resolve(".env")));
    }

    @Test
    void passesAnIgnoredFileInASubfolderOfTheWorkTree() throws Exception {
        git("init", "-q");
        Files.writeString(dir.resolve(".gitignore"), ".env\n");
        Files.createDirectories(dir.resolve("app"));

        assertDoesNotThrow(() -> writer.checkIgnored(dir.resolve("app/.env")));
    }

    @Test
    void passesOutsideAGitWorkTree() {
        assertDoesNotThrow(() -> writer.checkIgnored(dir.resolve(".env")));
    }
}

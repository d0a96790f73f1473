package dev.spectral.provision.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.Finding;
import dev.spectral.provision.config.Position;
import dev.spectral.provision.testing.Configs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerificationTest {

    private static final Config CONFIG = Configs.valid("""
            [production]
            APP_ENV = "production"
            [dev]
            APP_ENV = "dev"
            """);

    @TempDir
    Path dir;

    private final Verification verification = new Verification(Set.of("dev"), Path::toString);

    private static Finding warning(int line) {
        return Finding.warning(
                "x", new Position("environments.toml", line, 1), "production", "APP_ENV", "a warning", "");
    }

    private static Finding error(int line) {
        return Finding.error("x", new Position("environments.toml", line, 1), "production", "APP_ENV", "an error", "");
    }

    @Test
    void warningsFailOnlyWhenAskedTo() {
        List<Finding> offline = List.of(warning(2));

        assertFalse(verification
                .run(CONFIG, offline, Optional.empty(), dir, Optional.empty(), FailOn.ERROR)
                .failed());
        assertTrue(verification
                .run(CONFIG, offline, Optional.empty(), dir, Optional.empty(), FailOn.WARNING)
                .failed());
    }

    @Test
    void findingsAreCountedAndInFileOrder() {
        Verification.Outcome outcome = verification.run(
                CONFIG, List.of(warning(4), error(2)), Optional.empty(), dir, Optional.empty(), FailOn.ERROR);

        assertEquals(
                List.of(2, 4),
                outcome.findings().stream().map(f -> f.position().line()).toList());
        assertEquals(1, outcome.errors());
        assertEquals(1, outcome.warnings());
        assertTrue(outcome.failed());
    }

    @Test
    void theNearestWorkflowsFolderIsCheckedForPublishedEnvironmentsOnly() throws Exception {
        Path workflows = Files.createDirectories(dir.resolve(".github/workflows"));
        Files.writeString(workflows.resolve("pr.yml"), """
                on: pull_request
                jobs:
                  a:
                    environment: production
                    runs-on: ubuntu-latest
                    steps: []
                  b:
                    environment: dev
                    runs-on: ubuntu-latest
                    steps: []
                """);
        Path project = Files.createDirectories(dir.resolve("infra"));

        Verification.Outcome outcome =
                verification.run(CONFIG, List.of(), Optional.empty(), project, Optional.empty(), FailOn.ERROR);

        assertEquals(Optional.of(workflows), outcome.workflows());
        assertEquals(
                List.of("ci-gating"),
                outcome.findings().stream().map(Finding::rule).distinct().toList());
        assertTrue(
                outcome.findings().stream().allMatch(f -> f.message().contains("production")),
                outcome.findings().toString());
    }

    @Test
    void failOnIsReadAsUsersWriteIt() {
        assertEquals(FailOn.WARNING, FailOn.parse("warning"));
        assertEquals(FailOn.ERROR, FailOn.parse(" Error "));
        assertEquals("warning", FailOn.WARNING.word());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FailOn.parse("warnings"));
        assertTrue(e.getMessage().contains("error or warning"), e.getMessage());
    }
}

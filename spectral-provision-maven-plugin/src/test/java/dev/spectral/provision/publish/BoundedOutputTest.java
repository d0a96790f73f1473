package dev.spectral.provision.publish;

import static dev.spectral.provision.testing.ScriptedRunner.exit;
import static dev.spectral.provision.testing.ScriptedRunner.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spectral.provision.config.Config;
import dev.spectral.provision.github.GhCli;
import dev.spectral.provision.github.GitHubLimits;
import dev.spectral.provision.github.RequestBudget;
import dev.spectral.provision.log.Brief;
import dev.spectral.provision.process.Command;
import dev.spectral.provision.report.ProvisionReport;
import dev.spectral.provision.report.ReportWriter;
import dev.spectral.provision.secret.Redactor;
import dev.spectral.provision.testing.Configs;
import dev.spectral.provision.testing.FakeOnePassword;
import dev.spectral.provision.testing.RecordingLog;
import dev.spectral.provision.testing.ScriptedRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run in which every one of 300 writes fails, each gh call with GitHub's long aggregated error
 * output: the log, the JSON report and the step summary stay within 64 KB, with one line per key.
 */
class BoundedOutputTest {

    private static final int KEYS = 100;
    private static final List<String> ENVIRONMENTS = List.of("production", "staging", "preview");
    private static final int LIMIT = 64 * 1024;
    private static final Pattern DOTENV_NAME = Pattern.compile("(?m)^([A-Z0-9_]+)=");

    @TempDir
    Path dir;

    private final Redactor redactor = new Redactor();
    private final RecordingLog log = new RecordingLog(false);
    private final ScriptedRunner runner = new ScriptedRunner();
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private static Config config() {
        StringBuilder toml = new StringBuilder();
        for (String env : ENVIRONMENTS) {
            toml.append('[').append(env).append("]\n");
            for (int i = 0; i < KEYS; i += 2) {
                toml.append(String.format("SECRET_%03d = \"op://Spectral/item-%s-%03d/credential\"%n", i, env, i));
                toml.append(String.format("SETTING_%03d = \"value %d\"%n", i + 1, i + 1));
            }
        }
        return Configs.valid(toml.toString());
    }

    /** What gh 2.23 prints when GitHub refuses each secret of a bulk call: one long line per secret. */
    private static String aggregated(Command command) {
        Matcher names = DOTENV_NAME.matcher(new String(command.stdin().orElseThrow(), StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        int count = 0;
        while (names.find()) {
            count++;
            out.append("\t* failed to set secret \"")
                    .append(names.group(1))
                    .append("\": HTTP 502: Server Error: "
                            + "upstream connect error or disconnect/reset before headers. reset reason: connection termination "
                            + "(https://api.github.com/repositories/1/environments/production/secrets/")
                    .append(names.group(1))
                    .append(")\n");
        }
        return count + " errors occurred:\n" + out + "\n\n";
    }

    @Test
    void everyWriteFailingStaysWithin64KilobytesWithOneLinePerKey() throws Exception {
        FakeOnePassword onePassword = new FakeOnePassword(redactor);
        for (String env : ENVIRONMENTS) {
            for (int i = 0; i < KEYS; i += 2) {
                onePassword.put(
                        String.format("op://Spectral/item-%s-%03d/credential", env, i),
                        "token-" + env + "-" + i + "-abcdefgh");
            }
        }
        runner.on(List.of("gh", "api", "--include", "--method", "GET"), c -> ok("HTTP/2.0 200 OK\r\n\r\n{}"));
        runner.on(
                List.of("gh", "api", "--paginate"),
                c -> ok(c.argv().get(3).contains("/secrets") ? "{\"secrets\":[]}" : "{\"variables\":[]}"));
        runner.on(List.of("gh", "secret", "set"), c -> exit(1, aggregated(c)));
        runner.on(
                List.of("gh", "api", "--include", "--method", "POST"),
                c -> exit(
                        1,
                        "gh: Server Error: upstream connect error or "
                                + "disconnect/reset before headers. reset reason: connection termination ".repeat(20)
                                + "(HTTP 502)\n"));
        GhCli gh = new GhCli(
                runner,
                "gh",
                Optional.of("acme/app"),
                Duration.ofSeconds(30),
                redactor,
                RequestBudget.of(GitHubLimits.defaults()),
                log);
        ProvisionRequest request =
                new ProvisionRequest(String.join(",", ENVIRONMENTS), Set.of("dev"), Path.of(".env"), Set.of());

        ProvisionOutcome outcome =
                new Provisioner(onePassword, gh, new DotEnvWriter(runner), pool, log).provision(config(), request);

        assertEquals(3 * KEYS, outcome.failures().size());
        for (ChangeResult failure : outcome.failures()) {
            List<String> lines = log.lines("ERROR").stream()
                    .filter(l -> l.startsWith("failed: " + failure.change().label() + ": "))
                    .toList();
            assertEquals(1, lines.size(), failure.change().label());
            assertTrue(
                    failure.error().orElseThrow().length() <= Brief.REASON,
                    failure.error().orElseThrow());
        }
        int logBytes = log.all().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(logBytes <= LIMIT, "the log holds " + logBytes + " bytes");
        long ghWarnings =
                log.lines("WARN").stream().filter(l -> l.contains("gh failed")).count();
        assertEquals(runner.commands("gh", "secret", "set").size(), ghWarnings, "gh's output once per bulk call");
        assertTrue(
                log.lines("INFO").stream().anyMatch(l -> l.matches("production +0 +100 +0")),
                log.lines("INFO").toString());

        ProvisionReport report = ProvisionReport.of(outcome);
        Path jsonFile = dir.resolve("provision-report.json");
        ReportWriter.writeJson(jsonFile, report);
        long json = Files.size(jsonFile);
        int markdown = report.markdown().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(json <= LIMIT, "the JSON report holds " + json + " bytes");
        assertTrue(markdown <= LIMIT, "the step summary holds " + markdown + " bytes");
        for (String value : onePassword.allValues()) {
            assertFalse(log.all().contains(value), "a value reached the log");
        }
    }
}

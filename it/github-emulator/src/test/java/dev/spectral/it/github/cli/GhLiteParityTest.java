package dev.spectral.it.github.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spectral.it.github.Emulator;
import dev.spectral.it.github.EmulatorOptions;
import dev.spectral.it.github.GhCli;
import dev.spectral.it.github.GhConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gh-lite against the real gh (Debian's 2.23.0): the same commands, each against an emulator of its
 * own, must give the same exit codes, stdout and stderr (but for dates, request ids and the order of
 * concurrent errors), the same requests in requests.log and the same resulting state.
 */
class GhLiteParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPO = "acme/app";
    private static final String ENV_PATH = "repos/acme/app/environments/production";

    @TempDir
    Path dir;

    private final List<Emulator> emulators = new ArrayList<>();

    /** One command: the faults.json to put in place first (null: none), stdin, credentials or not, argv. */
    private record Step(String faults, String stdin, boolean credentials, String... args) {
        static Step of(String stdin, String... args) {
            return new Step(null, stdin, true, args);
        }

        Step withFaults(String json) {
            return new Step(json, stdin, credentials, args);
        }

        Step withoutCredentials() {
            return new Step(faults, stdin, false, args);
        }
    }

    @BeforeAll
    static void requireGh() {
        assertTrue(GhCli.onPath(), "gh is not on PATH: install it (apt-get install -y gh), as .ci/run does");
    }

    @AfterEach
    void stop() {
        emulators.forEach(Emulator::close);
    }

    @Test
    void sameOutputSameRequestsSameState() throws Exception {
        String many = IntStream.range(0, 35)
                .mapToObj(i -> String.format("S%03d='value %d'", i, i))
                .collect(Collectors.joining("\n", "", "\n"));
        List<Step> steps = List.of(
                Step.of(null, "api", "--include", "--method", "PUT", ENV_PATH),
                Step.of(
                        "line one\r\nline two\n\r\n",
                        "secret",
                        "set",
                        "pem_key",
                        "--env",
                        "production",
                        "--repo",
                        REPO),
                Step.of("v", "secret", "set", "X", "--env", "staging", "--repo", REPO),
                Step.of(
                                "A='1'\nB='two'\nC='x $HOME y'\n",
                                "secret",
                                "set",
                                "-f",
                                "-",
                                "--env",
                                "production",
                                "--repo",
                                REPO)
                        .withFaults("{\"fail_secret\": {\"B\": 1}}"),
                Step.of(many, "secret", "set", "-f", "-", "--env", "production", "--repo", REPO),
                Step.of(null, "api", "--paginate", ENV_PATH + "/secrets?per_page=30"),
                Step.of(
                        "{\"name\":\"REGION\",\"value\":\"eu\"}",
                        "api",
                        "--include",
                        "--method",
                        "POST",
                        ENV_PATH + "/variables",
                        "--input",
                        "-"),
                Step.of(
                        "{\"name\":\"REGION\",\"value\":\"eu\"}",
                        "api",
                        "--include",
                        "--method",
                        "POST",
                        ENV_PATH + "/variables",
                        "--input",
                        "-"),
                Step.of(
                        "{\"name\":\"REGION\",\"value\":\"us\"}",
                        "api",
                        "--include",
                        "--method",
                        "PATCH",
                        ENV_PATH + "/variables/REGION",
                        "--input",
                        "-"),
                Step.of(null, "api", "--paginate", ENV_PATH + "/variables"),
                Step.of(null, "api", "--include", "--method", "DELETE", ENV_PATH + "/secrets/S000"),
                Step.of(null, "api", "--include", "--method", "DELETE", ENV_PATH + "/secrets/S000"),
                Step.of(null, "api", "--include", "--method", "GET", "repos/acme/app/environments/staging"),
                Step.of("v", "secret", "set", "X", "--env", "production", "--repo", REPO)
                        .withFaults("{\"unauthorized\": true}"),
                Step.of(null, "api", "--include", "--method", "PUT", ENV_PATH).withFaults("{\"unauthorized\": true}"),
                Step.of("A='1'\n", "secret", "set", "-f", "-", "--env", "production", "--repo", REPO)
                        .withFaults("{\"rate_limited\": true}"),
                Step.of(
                                "{\"name\":\"REGION\",\"value\":\"x\"}",
                                "api",
                                "--include",
                                "--method",
                                "PATCH",
                                ENV_PATH + "/variables/REGION",
                                "--input",
                                "-")
                        .withFaults("{\"rate_limited\": true}"),
                Step.of("v", "secret", "set", "Y", "--env", "production", "--repo", REPO)
                        .withoutCredentials(),
                Step.of(null, "api", ENV_PATH + "/secrets").withoutCredentials());

        Side real = new Side("real");
        Side lite = new Side("lite");
        for (Step step : steps) {
            String what = String.join(" ", step.args());
            Outcome byGh = real.run(step, (config, s) -> {
                GhCli.Result r =
                        new GhCli(config, Files.createDirectories(dir.resolve("work"))).run(s.stdin(), s.args());
                return new Outcome(r.exit(), r.stdout(), r.stderr());
            });
            Outcome byLite = lite.run(step, (config, s) -> {
                GhLite.Result r = GhLite.capture(
                        Map.of("GH_CONFIG_DIR", config.toString()),
                        s.stdin() == null ? null : s.stdin().getBytes(StandardCharsets.UTF_8),
                        s.args());
                return new Outcome(r.exit(), r.stdout(), r.stderr());
            });
            assertEquals(
                    byGh.exit(),
                    byLite.exit(),
                    what + "\ngh said: " + byGh.stderr() + "\ngh-lite said: " + byLite.stderr());
            assertEquals(normal(byGh.stdout()), normal(byLite.stdout()), "stdout of " + what);
            assertEquals(normal(byGh.stderr()), normal(byLite.stderr()), "stderr of " + what);
            assertEquals(real.requestsSinceLastStep(), lite.requestsSinceLastStep(), "requests of " + what);
        }
        assertEquals(real.state(), lite.state());
        assertTrue(real.state().contains("line one\\r\\nline two"), real.state());
    }

    /** What one command did. */
    private record Outcome(int exit, String stdout, String stderr) {}

    private interface Runner {
        Outcome run(Path config, Step step) throws Exception;
    }

    /** One emulator, with a gh configuration pointing at it, and one without credentials. */
    private final class Side {
        private final Path state;
        private final Path config;
        private final Path noCredentials;
        private int seen;

        Side(String name) throws IOException {
            state = dir.resolve(name + "-state");
            Path socket = dir.resolve(name + ".sock");
            emulators.add(Emulator.start(EmulatorOptions.unixSocket(socket, state)));
            config = dir.resolve(name + "-config");
            GhConfig.write(config, socket);
            noCredentials = Files.createDirectories(dir.resolve(name + "-no-credentials"));
            Files.copy(config.resolve("config.yml"), noCredentials.resolve("config.yml"));
        }

        Outcome run(Step step, Runner runner) throws Exception {
            Path faults = state.resolve("faults.json");
            if (step.faults() == null) {
                Files.deleteIfExists(faults);
            } else {
                Files.writeString(faults, step.faults());
            }
            return runner.run(step.credentials() ? config : noCredentials, step);
        }

        /** The step's requests, sorted (gh sends a batch's secrets concurrently). */
        List<String> requestsSinceLastStep() throws IOException {
            Path log = state.resolve("requests.log");
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            List<String> step = new ArrayList<>(lines.subList(seen, lines.size()));
            seen = lines.size();
            step.sort(null);
            return step;
        }

        /** state.json without timestamps. */
        String state() throws IOException {
            JsonNode root = JSON.readTree(state.resolve("state.json").toFile());
            return root.toString().replaceAll("\"(created_at|updated_at)\":\"[^\"]*\"", "\"$1\":\"T\"");
        }
    }

    /** Dates, request ids, reset times and timestamps blanked; the lines of a multi-error list sorted. */
    static String normal(String text) {
        String blanked = text.replaceAll("Date: [^\r\n]*", "Date: X")
                .replaceAll("(?i)(X-Github-Request-Id: |request ID )[0-9A-F:]+", "$1X")
                .replaceAll("(X-Ratelimit-Reset: )\\d+", "$1X")
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ", "T");
        List<String> lines = new ArrayList<>(List.of(blanked.split("\n", -1)));
        List<String> points =
                lines.stream().filter(l -> l.startsWith("\t* ")).sorted().toList();
        int next = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("\t* ")) {
                lines.set(i, points.get(next++));
            }
        }
        return String.join("\n", lines);
    }
}

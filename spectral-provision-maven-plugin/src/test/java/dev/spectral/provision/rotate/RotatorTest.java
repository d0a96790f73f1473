package dev.spectral.provision.rotate;

import static dev.spectral.provision.testing.FakeOnePassword.field;
import static dev.spectral.provision.testing.FakeOnePassword.item;
import static dev.spectral.provision.testing.NoValueLeaks.assertNoStretchOf;
import static dev.spectral.provision.testing.References.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spectral.generators.GeneratorRegistry;
import dev.spectral.provision.config.Config;
import dev.spectral.provision.publish.DotEnvWriter;
import dev.spectral.provision.publish.ProvisionRequest;
import dev.spectral.provision.publish.Provisioner;
import dev.spectral.provision.report.ReportWriter;
import dev.spectral.provision.report.RotationRecord;
import dev.spectral.provision.report.RotationReport;
import dev.spectral.provision.secret.Redactor;
import dev.spectral.provision.testing.Configs;
import dev.spectral.provision.testing.FakeGitHub;
import dev.spectral.provision.testing.FakeOnePassword;
import dev.spectral.provision.testing.NoValueLeaks;
import dev.spectral.provision.testing.RecordingLog;
import dev.spectral.provision.testing.ScriptedRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole rotation over an in-memory 1Password, the real {@link Provisioner}, and an in-memory
 * GitHub. {@code dev} is local; the local .env is never written here (the git runner has no rules, so
 * any use of it fails the test).
 */
class RotatorTest {

    private static final Config CONFIG = Configs.valid("""
            [dev]
            APP_ENV = "dev"
            SESSION_SECRET = "op://Spectral/session-dev/secret"
            DB_PASSWORD = "op://Spectral/db-dev/password"

            [production]
            APP_ENV = "production"
            SESSION_SECRET = "op://Spectral/session/secret"
            DB_PASSWORD = "op://Spectral/db-production/password"
            WEBHOOK_SECRET = "op://Spectral/webhook/signing/secret"
            VENDOR_KEY = "op://Spectral/vendor/credential"

            [staging]
            APP_ENV = "staging"
            SESSION_SECRET = "op://spectral/Session/SECRET"
            DB_PASSWORD = "op://Spectral/db-staging/password"

            [rotation]
            SESSION_SECRET = "fixed-token:shared"
            DB_PASSWORD = "fixed-token:per-env"
            WEBHOOK_SECRET = "fixed-token:shared"
            VENDOR_KEY = "prompt:shared"
            """);

    private static final Config BROKEN = Configs.valid("""
            [production]
            BROKEN_KEY = "op://Spectral/session/secret"

            [rotation]
            BROKEN_KEY = "failing-token:shared"
            """);

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);
    private static final String READ_BACK = "s0mething-Else-Entirely-77";
    private static final String TYPED_VENDOR_KEY = "vNd-Typed-Key-4421xq";
    private static final ProvisionRequest PUBLISHING =
            new ProvisionRequest("", Set.of("dev"), Path.of("/nonexistent/.env"), Set.of());

    @TempDir
    Path dir;

    private final Redactor redactor = new Redactor();
    private final FakeOnePassword op = new FakeOnePassword(redactor);
    private final FakeGitHub github = new FakeGitHub("production", "staging");
    private final ScriptedRunner git = new ScriptedRunner();
    private final RecordingLog log = new RecordingLog(true);
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final List<Throwable> thrown = new ArrayList<>();
    private final List<RotationOutcome> outcomes = new ArrayList<>();
    private GeneratorRegistry generators;

    @BeforeEach
    void setUp() {
        TestGenerators.reset();
        generators = TestGenerators.registry(dir.resolve("generators"));
        op.add(
                "Spectral",
                item(
                        "sess0001",
                        "session",
                        7,
                        field("notesPlain", "notesPlain", "STRING", "rotated by spectral"),
                        field("secret", "secret", "CONCEALED", "old-session-value")));
        op.add(
                "Spectral",
                item("sessdev1", "session-dev", 2, field("secret", "secret", "CONCEALED", "old-session-dev")));
        op.add(
                "Spectral",
                item("dbprod01", "db-production", 4, field("password", "password", "CONCEALED", "old-db-prod")));
        op.add(
                "Spectral",
                item("dbstag01", "db-staging", 5, field("password", "password", "CONCEALED", "old-db-staging")));
        op.add("Spectral", item("dbdev001", "db-dev", 1, field("password", "password", "CONCEALED", "old-db-dev")));
        op.add(
                "Spectral",
                item(
                        "hook0001",
                        "webhook",
                        3,
                        field("hooksecret", "secret", "CONCEALED", "old-webhook", "sgn", "signing")));
        op.add("Spectral", item("vend0001", "vendor", 9, field("credential", "credential", "CONCEALED", "old-vendor")));
    }

    @AfterEach
    void noValueLeaked() throws Exception {
        pool.shutdownNow();
        List<String> values = new ArrayList<>(TestGenerators.minted());
        values.add(READ_BACK);
        values.add(TYPED_VENDOR_KEY);
        for (String value : values) {
            for (String line : log.lines()) {
                assertNoStretchOf(value, line, "log line");
            }
            for (Throwable t : thrown) {
                for (Throwable c = t; c != null; c = c.getCause()) {
                    assertNoStretchOf(value, String.valueOf(c.getMessage()), "exception message");
                }
            }
        }
        thrown.stream()
                .filter(t -> t instanceof RotationException)
                .map(t -> ((RotationException) t).outcome())
                .flatMap(Optional::stream)
                .forEach(outcomes::add);
        for (RotationOutcome outcome : outcomes) {
            Path json = dir.resolve("rotate-report.json");
            ReportWriter.writeJson(json, RotationReport.of(outcome, Map.of()));
            NoValueLeaks.assertNoneIn(values, Files.readString(json), "rotate-report.json");
            NoValueLeaks.assertNoneIn(values, RotationRecord.markdown(outcome, Optional.empty()), "rotate-record.md");
        }
        assertEquals(List.of(), git.commands(), "the .env was not touched");
    }

    private Rotator rotator(Terminal terminal, Map<String, String> environment) {
        Provisioner provisioner = new Provisioner(op, github, new DotEnvWriter(git), pool, log);
        return new Rotator(op, provisioner, generators, terminal, environment, redactor, CLOCK, log);
    }

    private static RotationRequest request(String key, Optional<String> env, boolean dryRun, boolean yes) {
        return new RotationRequest(
                Selection.key(key, env), dryRun, yes, Optional.empty(), Optional.empty(), PUBLISHING);
    }

    private static RotationRequest confirmed(String key) {
        return request(key, Optional.empty(), false, true);
    }

    private RotationOutcome rotate(Terminal terminal, RotationRequest request) throws RotationException {
        RotationOutcome outcome = rotator(terminal, Map.of()).rotate(CONFIG, request);
        outcomes.add(outcome);
        return outcome;
    }

    private RotationException refused(Terminal terminal, RotationRequest request) {
        RotationException e = assertThrows(RotationException.class, () -> rotate(terminal, request));
        thrown.add(e);
        return e;
    }

    private String minted() {
        assertEquals(1, TestGenerators.minted().size(), "one value minted");
        return TestGenerators.minted().get(0);
    }

    private String secretValue(ObjectNode item, String label) {
        for (JsonNode f : item.path("fields")) {
            if (f.path("label").asText().equals(label)) {
                return f.path("value").asText();
            }
        }
        throw new AssertionError("no field " + label + " in " + item.path("title"));
    }

    // ---- the good paths ---------------------------------------------------------------------

    @Test
    void aSharedKeyIsWrittenOnceReadBackAndPublishedToEveryEnvironmentThatReadsIt() throws Exception {
        RotationOutcome outcome = rotate(FakeTerminal.batch(), confirmed("SESSION_SECRET"));

        String value = minted();
        assertEquals(List.of("replace Spectral/sess0001"), op.writes());
        assertEquals(1, op.writeCalls());
        ObjectNode stored = op.stored("Spectral", "session").orElseThrow();
        assertEquals(8, stored.path("version").asLong());
        assertEquals(value, secretValue(stored, "secret"));
        assertEquals("rotated by spectral", secretValue(stored, "notesPlain"), "other fields are kept");
        assertEquals(
                List.of(ref("op://Spectral/session/secret")),
                op.resolveCalls().get(0),
                "read back first, the target alone");

        assertEquals(value, github.secret("production", "SESSION_SECRET"));
        assertEquals(value, github.secret("staging", "SESSION_SECRET"));
        assertEquals("old-db-prod", github.secret("production", "DB_PASSWORD"), "the environment is republished whole");
        assertEquals(2, op.version("Spectral", "session-dev"), "dev's own item is untouched");

        assertTrue(outcome.stored());
        assertTrue(outcome.complete());
        assertFalse(outcome.dryRun());
        assertEquals(List.of("production", "staging"), outcome.current());
        assertEquals(List.of(), outcome.behind());
        RotationReport report = RotationReport.of(outcome, Map.of());
        assertEquals(List.of("production", "staging"), report.current());
        assertEquals(List.of(), report.behind());
        assertEquals(List.of(), report.finishCommands());
        assertTrue(log.all().contains("Spectral/session/secret (item exists, version 7)"), log.all());
    }

    @Test
    void aPerEnvKeyTouchesOnlyThatEnvironmentsItemAndEnvironment() throws Exception {
        RotationOutcome outcome =
                rotate(FakeTerminal.batch(), request("DB_PASSWORD", Optional.of("staging"), false, true));

        String value = minted();
        assertEquals(Optional.of("staging"), TestGenerators.contexts().get(0).environment());
        assertEquals(List.of("replace Spectral/dbstag01"), op.writes());
        assertEquals(value, op.valueOf(ref("op://Spectral/db-staging/password")));
        assertEquals(4, op.version("Spectral", "db-production"));
        assertEquals(1, op.version("Spectral", "db-dev"));
        assertEquals(value, github.secret("staging", "DB_PASSWORD"));
        assertTrue(github.calls.stream().noneMatch(c -> c.contains("production")), github.calls.toString());
        assertEquals(List.of("staging"), outcome.current());
        assertTrue(outcome.complete());
    }

    @Test
    void aMissingItemIsCreatedWithAConcealedFieldThenPublished() throws Exception {
        op.remove("Spectral", "webhook");

        RotationOutcome outcome = rotate(FakeTerminal.batch(), confirmed("WEBHOOK_SECRET"));

        String value = minted();
        assertEquals(1, op.createCalls());
        assertEquals(0, op.replaceCalls());
        ObjectNode created = op.stored("Spectral", "webhook").orElseThrow();
        JsonNode field = created.path("fields").get(0);
        assertEquals("CONCEALED", field.path("type").asText());
        assertEquals("secret", field.path("label").asText());
        assertEquals("signing", field.path("section").path("label").asText());
        assertEquals(value, field.path("value").asText());
        assertEquals(value, github.secret("production", "WEBHOOK_SECRET"));
        assertEquals(List.of("production"), outcome.current());
        assertTrue(log.all().contains("it will be created"), log.all());
    }

    @Test
    void aPromptKeyTakesTheValueFromTheNamedVariable() throws Exception {
        RotationRequest request = new RotationRequest(
                Selection.key("VENDOR_KEY", Optional.empty()),
                false,
                true,
                Optional.of("env:NEW_VENDOR_KEY"),
                Optional.empty(),
                PUBLISHING);

        RotationOutcome outcome = rotator(FakeTerminal.batch(), Map.of("NEW_VENDOR_KEY", TYPED_VENDOR_KEY))
                .rotate(CONFIG, request);

        assertEquals(TYPED_VENDOR_KEY, op.valueOf(ref("op://Spectral/vendor/credential")));
        assertEquals(TYPED_VENDOR_KEY, github.secret("production", "VENDOR_KEY"));
        assertTrue(outcome.complete());
        assertTrue(log.all().contains("Revoke the old value"), log.all());
    }

    // ---- asking first -----------------------------------------------------------------------

    @Test
    void inBatchModeWithoutYesItIsRefusedBeforeAnythingIsWritten() {
        RotationException e = refused(FakeTerminal.batch(), request("SESSION_SECRET", Optional.empty(), false, false));

        assertEquals(RotationException.Cause.CONFIGURATION, e.reason());
        assertTrue(e.getMessage().contains("-Dyes"), e.getMessage());
        assertEquals(0, op.writeCalls());
        assertEquals(List.of(), github.writeCalls());
        assertEquals(List.of(), TestGenerators.minted(), "no value was minted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"n", "N", "no", "", "yess"})
    void anythingButYesCancels(String answer) {
        FakeTerminal terminal = FakeTerminal.withConsole().answer(answer);

        RotationException e = refused(terminal, request("SESSION_SECRET", Optional.empty(), false, false));

        assertEquals(RotationException.Cause.CONFIGURATION, e.reason());
        assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
        assertEquals(List.of("Rotate SESSION_SECRET? [y/N] "), terminal.prompts());
        assertEquals(0, op.writeCalls());
        assertEquals(List.of(), github.writeCalls());
    }

    @Test
    void endOfInputAtTheQuestionCancels() {
        RotationException e =
                refused(FakeTerminal.withConsole(), request("SESSION_SECRET", Optional.empty(), false, false));

        assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
        assertEquals(0, op.writeCalls());
    }

    @ParameterizedTest
    @ValueSource(strings = {"y", "Y", " yes "})
    void yesProceeds(String answer) throws Exception {
        RotationOutcome outcome = rotate(
                FakeTerminal.withConsole().answer(answer), request("SESSION_SECRET", Optional.empty(), false, false));

        assertTrue(outcome.complete());
        assertEquals(1, op.writeCalls());
        assertEquals(minted(), github.secret("staging", "SESSION_SECRET"));
    }

    // ---- dry run ----------------------------------------------------------------------------

    @Test
    void aDryRunWritesNothingButRunsTheGenerator() throws Exception {
        RotationOutcome outcome =
                rotate(FakeTerminal.batch(), request("SESSION_SECRET", Optional.empty(), true, false));

        assertEquals(1, TestGenerators.minted().size(), "the generator ran");
        assertEquals(0, op.writeCalls());
        assertEquals(7, op.version("Spectral", "session"));
        assertEquals(List.of(), github.writeCalls());
        assertTrue(outcome.dryRun());
        assertFalse(outcome.stored());
        assertTrue(outcome.complete());
        assertTrue(log.all().contains("Nothing was written"), log.all());
    }

    @Test
    void aDryRunOfAFailingGeneratorFailsAndWritesNothing() {
        RotationException e = assertThrows(
                RotationException.class,
                () -> rotator(FakeTerminal.batch(), Map.of())
                        .rotate(BROKEN, request("BROKEN_KEY", Optional.empty(), true, false)));
        thrown.add(e);

        assertEquals(RotationException.Cause.TOOL, e.reason());
        assertTrue(e.getMessage().contains("failing-token"), e.getMessage());
        assertEquals(0, op.writeCalls());
        assertEquals(List.of(), github.calls);
    }

    // ---- failures before publishing ---------------------------------------------------------

    @Test
    void aFailingGeneratorWritesNothing() {
        RotationException e = assertThrows(
                RotationException.class,
                () -> rotator(FakeTerminal.batch(), Map.of()).rotate(BROKEN, confirmed("BROKEN_KEY")));
        thrown.add(e);

        assertEquals(RotationException.Cause.TOOL, e.reason());
        assertTrue(e.getMessage().contains("nothing was written"), e.getMessage());
        assertEquals(0, op.writeCalls());
        assertEquals(List.of(), github.writeCalls());
    }

    @Test
    void aFailedWriteTo1PasswordPublishesNothingAndSaysTheOldValueIsLive() {
        op.failWrites();

        RotationException e = refused(FakeTerminal.batch(), confirmed("SESSION_SECRET"));

        assertEquals(RotationException.Cause.TOOL, e.reason());
        assertTrue(e.getMessage().contains("Nothing was published"), e.getMessage());
        assertTrue(e.getMessage().contains("the old value is still live"), e.getMessage());
        assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
        assertEquals(1, op.writeCalls());
        assertEquals(List.of(), op.writes());
        assertEquals("old-session-value", op.valueOf(ref("op://Spectral/session/secret")));
        assertEquals(List.of(), github.writeCalls());
    }

    @Test
    void anItemEditedSinceThePlanWasShownIsNotOverwritten() {
        op.editElsewhereAfterNextRead();

        RotationException e = refused(FakeTerminal.batch(), confirmed("SESSION_SECRET"));

        assertEquals(RotationException.Cause.CONFIGURATION, e.reason());
        assertTrue(e.getMessage().contains("changed since the plan was shown"), e.getMessage());
        assertTrue(e.getMessage().contains("version 7, now version 8"), e.getMessage());
        assertEquals(0, op.writeCalls());
        assertEquals(List.of(), github.writeCalls());
    }

    @Test
    void anItemCreatedSinceThePlanWasShownIsNotOverwritten() {
        op.remove("Spectral", "webhook");
        FakeOnePassword racing = op;
        Terminal creatingWhileAsking = new Terminal() {
            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public Optional<String> readLine(String prompt) {
                racing.add(
                        "Spectral",
                        item("hook9999", "webhook", 1, field("secret", "secret", "CONCEALED", "someone-else")));
                return Optional.of("y");
            }

            @Override
            public Optional<char[]> readSecret(String prompt) {
                throw new AssertionError("not a prompt key");
            }
        };

        RotationException e = refused(creatingWhileAsking, request("WEBHOOK_SECRET", Optional.empty(), false, false));

        assertTrue(e.getMessage().contains("absent, now version 1"), e.getMessage());
        assertEquals(0, op.writeCalls());
        assertEquals(List.of(), github.writeCalls());
    }

    @Test
    void aValueThatDoesNotReadBackIsNotPublished() {
        op.readBackDifferentValue(READ_BACK);

        RotationException e = refused(FakeTerminal.batch(), confirmed("SESSION_SECRET"));

        assertEquals(RotationException.Cause.TOOL, e.reason());
        assertTrue(e.getMessage().contains("Nothing was published"), e.getMessage());
        assertEquals(1, op.writes().size(), "it was written");
        assertEquals(List.of(), github.writeCalls());
    }

    // ---- failures while publishing ----------------------------------------------------------

    @Test
    void aGitHubFailureInOneEnvironmentLeavesOnlyThatEnvironmentBehind() throws Exception {
        github.failOn.add("setSecret staging SESSION_SECRET");

        RotationOutcome outcome = rotate(FakeTerminal.batch(), confirmed("SESSION_SECRET"));

        assertTrue(outcome.stored());
        assertEquals(List.of("production"), outcome.current());
        assertEquals(List.of("staging"), outcome.behind());
        assertEquals(List.of("mvn spectral:provision -Denv=staging"), outcome.finishCommands());
        assertFalse(outcome.complete());
        assertEquals(minted(), github.secret("production", "SESSION_SECRET"));
        assertEquals(
                List.of("mvn spectral:provision -Denv=staging"),
                RotationReport.of(outcome, Map.of()).finishCommands());
        assertFalse(log.lines("ERROR").isEmpty(), log.all());
    }

    @Test
    void aPublishThatStopsBeforeWritingLeavesEveryEnvironmentBehind() throws Exception {
        github.failOn.add("environmentExists staging");

        RotationOutcome outcome = rotate(FakeTerminal.batch(), confirmed("SESSION_SECRET"));

        assertTrue(outcome.stored());
        assertTrue(outcome.publishError().isPresent());
        assertEquals(List.of(), outcome.current());
        assertEquals(List.of("production", "staging"), outcome.behind());
        assertEquals(List.of("mvn spectral:provision -Denv=production,staging"), outcome.finishCommands());
        assertFalse(outcome.complete());
        assertEquals(minted(), op.valueOf(ref("op://Spectral/session/secret")), "the value is safe in 1Password");
    }

    // ---- no value anywhere ------------------------------------------------------------------

    @Test
    void theValueIsInNoLogLineAndNoExceptionMessageOnAnyPath() throws Exception {
        // Debug logging is on; @AfterEach checks every log line and collected exception for each path.
        github.failOn.add("setSecret staging SESSION_SECRET");
        rotate(FakeTerminal.batch(), confirmed("SESSION_SECRET"));
        rotate(FakeTerminal.batch(), request("DB_PASSWORD", Optional.of("production"), true, false));

        op.readBackDifferentValue(READ_BACK);
        refused(FakeTerminal.batch(), request("DB_PASSWORD", Optional.of("staging"), false, true));

        assertEquals(3, TestGenerators.minted().size());
        assertTrue(log.lines().size() > 10, log.all());
        for (String value : TestGenerators.minted()) {
            assertFalse(log.all().contains(value), log.all());
        }
    }

    /** Rotating a local environment's own item republishes nothing: no command with an empty -Denv. */
    @Test
    void aRotationThatRepublishesNothingNeverPrintsAnEmptyEnvironmentList() throws Exception {
        RotationOutcome outcome = rotate(FakeTerminal.batch(), request("DB_PASSWORD", Optional.of("dev"), false, true));

        assertTrue(outcome.complete());
        assertEquals(minted(), op.valueOf(ref("op://Spectral/db-dev/password")));
        assertEquals(List.of(), github.calls);
        Pattern emptyEnv = Pattern.compile("-Denv=(\\s|\\.|$)");
        for (String line : log.lines()) {
            assertFalse(emptyEnv.matcher(line).find(), line);
        }
    }
}

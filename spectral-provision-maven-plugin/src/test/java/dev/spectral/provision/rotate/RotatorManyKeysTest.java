package dev.spectral.provision.rotate;

import static dev.spectral.provision.testing.FakeOnePassword.field;
import static dev.spectral.provision.testing.FakeOnePassword.item;
import static dev.spectral.provision.testing.References.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several keys in one run, over the shared in-memory 1Password, the real {@link Provisioner} and an
 * in-memory GitHub: one plan, one question, every value stored before the one republish, a failure
 * part-way, the valueFrom pattern, and the incident record. Every log line, exception, JSON report
 * and Markdown record is checked for values.
 */
class RotatorManyKeysTest {

    /**
     * SESSION_SECRET is shared by production and staging; DB_PASSWORD is per environment; VENDOR_KEY
     * (prompted) and VENDOR_SIGNING share the vendor item; API_KEY is prompted per environment;
     * SUPPORT_TOKEN has no spec. {@code dev} is local.
     */
    private static final Config CONFIG = Configs.valid("""
            [dev]
            APP_ENV = "dev"
            DB_PASSWORD = "op://Spectral/db-dev/password"

            [production]
            APP_ENV = "production"
            SESSION_SECRET = "op://Spectral/session/secret"
            DB_PASSWORD = "op://Spectral/db-production/password"
            VENDOR_KEY = "op://Spectral/vendor/credential"
            VENDOR_SIGNING = "op://Spectral/vendor/signing"
            API_KEY = "op://Spectral/api-production/key"
            SUPPORT_TOKEN = "op://Spectral/support/token"

            [staging]
            APP_ENV = "staging"
            SESSION_SECRET = "op://Spectral/session/secret"
            DB_PASSWORD = "op://Spectral/db-staging/password"
            API_KEY = "op://Spectral/api-staging/key"

            [rotation]
            SESSION_SECRET = "fixed-token:shared"
            DB_PASSWORD = "fixed-token:per-env"
            VENDOR_KEY = "prompt:shared"
            VENDOR_SIGNING = "fixed-token:shared"
            API_KEY = "prompt:per-env"
            """);

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);
    private static final String NEW_VENDOR_KEY = "vNd-Typed-Key-4421xq-Zeta";
    private static final String NEW_API_KEY = "aPi-Typed-Key-9981kw-Eta";
    private static final Map<String, String> VARIABLES =
            Map.of("NEW_VENDOR_KEY", NEW_VENDOR_KEY, "NEW_API_KEY", NEW_API_KEY);
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
    void setUp() throws Exception {
        TestGenerators.reset();
        generators = TestGenerators.registry(dir.resolve("generators"));
        op.add("Spectral", item("sess0001", "session", 7, field("secret", "secret", "CONCEALED", "Qx7pLm2Vt9Rk4Wn1")));
        op.add(
                "Spectral",
                item("dbdev001", "db-dev", 1, field("password", "password", "CONCEALED", "Hb3Zs8Ny5Jc0Ud6T")));
        op.add(
                "Spectral",
                item("dbprod01", "db-production", 4, field("password", "password", "CONCEALED", "Fg6Kr1Xq4Mv9Pe2A")));
        op.add(
                "Spectral",
                item("dbstag01", "db-staging", 5, field("password", "password", "CONCEALED", "Lw5Tn0Bc7Ys3Gi8O")));
        op.add(
                "Spectral",
                item(
                        "vend0001",
                        "vendor",
                        9,
                        field("credential", "credential", "CONCEALED", "Dz2Vh6Qa9Ej4Ru1C"),
                        field("signing", "signing", "CONCEALED", "Ok8Mx3Wf0Ti5Lb7N")));
        op.add("Spectral", item("apip0001", "api-production", 2, field("key", "key", "CONCEALED", "Sy1Gp4Cn7Hv2Ka9E")));
        op.add("Spectral", item("apis0001", "api-staging", 3, field("key", "key", "CONCEALED", "Ru6Jd0Ze3Nq8Fo5W")));
        op.add("Spectral", item("supp0001", "support", 1, field("token", "token", "CONCEALED", "Ie4Aw9Bt2Xk7Ml1P")));
    }

    /** No value in a log line, an exception, a JSON report or a Markdown record. */
    @AfterEach
    void noValueLeaked() throws Exception {
        pool.shutdownNow();
        List<String> values = new ArrayList<>(TestGenerators.minted());
        values.addAll(op.allValues());
        values.addAll(VARIABLES.values());
        for (String line : log.lines()) {
            NoValueLeaks.assertNoneIn(values, line, "log line");
        }
        thrown.forEach(t -> NoValueLeaks.assertNoneIn(values, t));
        thrown.stream()
                .filter(t -> t instanceof RotationException)
                .map(t -> ((RotationException) t).outcome())
                .flatMap(Optional::stream)
                .forEach(outcomes::add);
        for (RotationOutcome outcome : outcomes) {
            Path json = dir.resolve("rotate-report.json");
            ReportWriter.writeJson(json, RotationReport.of(outcome, actions()));
            NoValueLeaks.assertNoneIn(values, Files.readString(json), "rotate-report.json");
            NoValueLeaks.assertNoneIn(
                    values,
                    RotationRecord.markdown(outcome, Optional.of("https://github.com/x/y/actions/runs/1")),
                    "rotate-record.md");
            outcome.problem().ifPresent(p -> NoValueLeaks.assertNoneIn(values, p));
        }
        assertEquals(List.of(), git.commands(), "the .env was not touched");
    }

    private static Map<String, String> actions() {
        return Map.of(
                "GITHUB_SERVER_URL",
                "https://github.com",
                "GITHUB_REPOSITORY",
                "spectral-dev/platform",
                "GITHUB_RUN_ID",
                "4242");
    }

    private Rotator rotator(Terminal terminal, Map<String, String> environment) {
        Provisioner provisioner = new Provisioner(op, github, new DotEnvWriter(git), pool, log);
        return new Rotator(op, provisioner, generators, terminal, environment, redactor, CLOCK, log);
    }

    private static RotationRequest request(String key, String env, boolean dryRun, boolean yes, String valueFrom)
            throws RotationException {
        Selection selection =
                Selection.of(Optional.ofNullable(key), Optional.empty(), Optional.empty(), Optional.ofNullable(env));
        return request(selection, dryRun, yes, valueFrom, null);
    }

    private static RotationRequest request(
            Selection selection, boolean dryRun, boolean yes, String valueFrom, Instant since) {
        return new RotationRequest(
                selection, dryRun, yes, Optional.ofNullable(valueFrom), Optional.ofNullable(since), PUBLISHING);
    }

    private static Selection itemSelector(String item) throws RotationException {
        return Selection.of(Optional.empty(), Optional.of(item), Optional.empty(), Optional.empty());
    }

    private RotationOutcome rotate(Terminal terminal, RotationRequest request) throws RotationException {
        RotationOutcome outcome = rotator(terminal, VARIABLES).rotate(CONFIG, request);
        outcomes.add(outcome);
        return outcome;
    }

    private RotationException refused(Terminal terminal, RotationRequest request) {
        RotationException e = assertThrows(RotationException.class, () -> rotate(terminal, request));
        thrown.add(e);
        return e;
    }

    private long calls(String call) {
        return github.calls.stream().filter(call::equals).count();
    }

    /** Each reference read back on its own, then the one resolve of the republishing. */
    private List<Integer> resolveSizes() {
        return op.resolveCalls().stream().map(List::size).toList();
    }

    // ---- one plan, one question, one republish ----------------------------------------------

    @Test
    void aListOfKeysIsOnePlanOneQuestionEveryStoreThenOneRepublishPerEnvironment() throws Exception {
        FakeTerminal terminal = FakeTerminal.withConsole().answer("y");

        RotationOutcome outcome = rotate(terminal, request("SESSION_SECRET,VENDOR_SIGNING", null, false, false, null));

        assertEquals(List.of("Rotate these 2 keys? [y/N] "), terminal.prompts(), "one question");
        List<String> minted = TestGenerators.minted();
        assertEquals(2, minted.size());
        assertEquals(List.of("replace Spectral/sess0001", "replace Spectral/vend0001"), op.writes());
        assertEquals(List.of(1, 1, 8), resolveSizes(), "two read-backs, then one resolve of both environments");
        assertEquals(1, calls("environmentExists production"));
        assertEquals(1, calls("environmentExists staging"));
        assertEquals(
                1,
                github.calls.stream()
                        .filter(c -> c.startsWith("setSecrets production "))
                        .count(),
                github.calls.toString());
        assertEquals(
                1,
                github.calls.stream()
                        .filter(c -> c.startsWith("setSecrets staging "))
                        .count(),
                github.calls.toString());
        assertEquals(minted.get(0), github.secret("production", "SESSION_SECRET"));
        assertEquals(minted.get(0), github.secret("staging", "SESSION_SECRET"));
        assertEquals(minted.get(1), github.secret("production", "VENDOR_SIGNING"));
        assertTrue(outcome.complete());
        assertEquals(List.of("production", "staging"), outcome.current());
        assertEquals(List.of(), log.lines("ERROR"));
    }

    @Test
    void thePlanIsOneTable() throws Exception {
        rotate(FakeTerminal.batch(), request("all", "production", true, false, "env:NEW_{KEY}"));

        List<String> info = log.lines("INFO");
        int start = info.indexOf(
                "Rotation plan (-Dkey=all -Denv=production): 5 keys; each is minted and stored in 1Password, then "
                        + "production, staging are republished once each:");
        assertTrue(start >= 0, log.all());
        assertEquals(
                List.of(
                        "  KEY             GENERATOR    SCOPE                 1PASSWORD TARGET                             REPUBLISH",
                        "  SESSION_SECRET  fixed-token  shared                Spectral/session/secret (version 7)          production, staging",
                        "  DB_PASSWORD     fixed-token  per-env (production)  Spectral/db-production/password (version 4)  production",
                        "  VENDOR_KEY      prompt       shared                Spectral/vendor/credential (version 9)       production",
                        "  VENDOR_SIGNING  fixed-token  shared                Spectral/vendor/signing (version 9)          production",
                        "  API_KEY         prompt       per-env (production)  Spectral/api-production/key (version 2)      production",
                        "then:",
                        "  - Redeploy production, staging so the new values reach the running systems.",
                        "  - Recycle containers that read SESSION_SECRET at boot: they keep the old value until they restart.",
                        "  - Recycle containers that read DB_PASSWORD at boot: they keep the old value until they restart.",
                        "  - VENDOR_KEY: Revoke the old value at the vendor once the new one is live.",
                        "  - Recycle containers that read VENDOR_KEY at boot: they keep the old value until they restart.",
                        "  - Recycle containers that read VENDOR_SIGNING at boot: they keep the old value until they restart.",
                        "  - API_KEY [production]: Revoke the old value at the vendor once the new one is live.",
                        "  - Recycle containers that read API_KEY at boot: they keep the old value until they restart.",
                        "not rotated by this run (update them in 1Password by hand, then provision their environments):",
                        "  - SUPPORT_TOKEN [production] reads op://Spectral/support/token: no [rotation] spec"),
                info.subList(start + 1, start + 18));
    }

    @Test
    void aDryRunAsksNothingRunsEachGeneratorOnceAndWritesNothing() throws Exception {
        RotationOutcome outcome = rotate(FakeTerminal.batch(), request("all", null, true, false, null));

        assertEquals(8, outcome.units().size());
        assertEquals(
                5,
                TestGenerators.minted().size(),
                "each generated unit once: SESSION_SECRET, DB_PASSWORD x3, VENDOR_SIGNING");
        assertEquals(0, op.writeCalls());
        assertEquals(List.of(), op.resolveCalls());
        assertEquals(List.of(), github.calls);
        assertTrue(outcome.dryRun() && outcome.complete());
        assertTrue(outcome.units().stream().allMatch(u -> u.status() == UnitResult.Status.PLANNED));
        assertTrue(
                log.all()
                        .contains(
                                "Dry run: generator 'fixed-token' works for DB_PASSWORD [staging]; its value was discarded."),
                log.all());
        assertTrue(
                log.all()
                        .contains(
                                "Dry run: would write 8 keys in 1Password and republish production, staging once each. "
                                        + "Nothing was written."),
                log.all());
        String record = RotationRecord.markdown(outcome, Optional.empty());
        assertTrue(record.startsWith("### spectral:rotate: incident record (dry run: nothing was written)"), record);
        assertTrue(
                record.contains(
                        "| DB_PASSWORD | per-env (dev) | `Spectral/db-dev/password` | 1 (now) | (none) | planned (dry run) |"),
                record);
    }

    @Test
    void inBatchModeWithoutYesNothingIsMintedOrWritten() throws Exception {
        RotationException e =
                refused(FakeTerminal.batch(), request("SESSION_SECRET,VENDOR_SIGNING", null, false, false, null));

        assertEquals(
                "rotating 2 keys needs confirmation, and there is no console to ask (batch mode or CI): pass -Dyes to confirm. "
                        + "Nothing was written",
                e.getMessage());
        assertEquals(List.of(), TestGenerators.minted());
        assertEquals(0, op.writeCalls());
        assertEquals(List.of(), github.calls);
    }

    @Test
    void aNoAtTheOneQuestionCancelsEverything() throws Exception {
        RotationException e = refused(
                FakeTerminal.withConsole().answer("n"),
                request("SESSION_SECRET,VENDOR_SIGNING", null, false, false, null));

        assertEquals("rotation of 2 keys cancelled; nothing was written", e.getMessage());
        assertEquals(0, op.writeCalls());
    }

    // ---- the order that loses nothing ---------------------------------------------------------

    @Test
    void everyValueIsStoredAndReadBackBeforeTheOneRepublish() throws Exception {
        RotationOutcome outcome =
                rotate(FakeTerminal.batch(), request("all", "production", false, true, "env:NEW_{KEY}"));

        assertEquals(
                List.of(
                        "replace Spectral/sess0001",
                        "replace Spectral/dbprod01",
                        "replace Spectral/vend0001",
                        "replace Spectral/vend0001",
                        "replace Spectral/apip0001"),
                op.writes());
        assertEquals(
                List.of(1, 1, 1, 1, 1, 8), resolveSizes(), "five read-backs, then one resolve for both environments");
        assertEquals(
                List.of("environmentExists production", "environmentExists staging"),
                github.calls.stream()
                        .filter(c -> c.startsWith("environmentExists"))
                        .sorted()
                        .toList());
        assertEquals(
                2,
                github.calls.stream().filter(c -> c.startsWith("setSecrets ")).count(),
                github.calls.toString());
        assertEquals(NEW_VENDOR_KEY, github.secret("production", "VENDOR_KEY"));
        assertEquals(NEW_API_KEY, github.secret("production", "API_KEY"));
        assertEquals(TestGenerators.minted().get(1), github.secret("production", "DB_PASSWORD"));
        assertEquals(
                "Ru6Jd0Ze3Nq8Fo5W",
                op.valueOf(ref("op://Spectral/api-staging/key")),
                "staging's own item is untouched");
        assertEquals(11, op.version("Spectral", "vendor"), "two fields of one item: two chained check-and-set writes");
        assertEquals(
                List.of(Optional.of(9L), Optional.of(10L)),
                outcome.units().stream()
                        .filter(u -> u.plan().itemPath().equals("Spectral/vendor"))
                        .map(UnitResult::versionBefore)
                        .toList());
        assertTrue(outcome.complete());
        assertEquals(List.of(), outcome.finishCommands());
    }

    @Test
    void promptedKeysAreAskedOneAfterAnotherTwiceEach() throws Exception {
        FakeTerminal terminal = FakeTerminal.withConsole()
                .answer("yes")
                .type(NEW_VENDOR_KEY)
                .type(NEW_VENDOR_KEY)
                .type(NEW_API_KEY)
                .type(NEW_API_KEY);

        RotationOutcome outcome = rotate(terminal, request("all", "production", false, false, null));

        assertEquals(
                List.of(
                        "Rotate these 5 keys? [y/N] ",
                        "New value for VENDOR_KEY (not echoed): ",
                        "Again, to confirm: ",
                        "New value for API_KEY [production] (not echoed): ",
                        "Again, to confirm: "),
                terminal.prompts());
        assertEquals(NEW_VENDOR_KEY, op.valueOf(ref("op://Spectral/vendor/credential")));
        assertEquals(NEW_API_KEY, op.valueOf(ref("op://Spectral/api-production/key")));
        assertTrue(outcome.complete());
    }

    // ---- failure part-way ---------------------------------------------------------------------

    @Test
    void aFailureAfterTheFirstKeyRepublishesItMintsNoMoreAndPrintsTheCommandsThatFinishTheRest() throws Exception {
        op.failWritesTo("db-dev");

        RotationOutcome outcome = rotate(FakeTerminal.batch(), request("all", null, false, true, null));

        assertEquals(List.of("replace Spectral/sess0001"), op.writes(), "only the first key was stored");
        assertEquals(
                2, TestGenerators.minted().size(), "the first, and the second (whose write failed); nothing after it");
        String first = TestGenerators.minted().get(0);
        assertEquals(first, github.secret("production", "SESSION_SECRET"));
        assertEquals(first, github.secret("staging", "SESSION_SECRET"));
        assertEquals(
                List.of(1, 8), resolveSizes(), "one read-back, then one republish of the first key's environments");
        assertEquals(
                List.of(
                        "SESSION_SECRET",
                        "DB_PASSWORD [dev]",
                        "DB_PASSWORD [production]",
                        "DB_PASSWORD [staging]",
                        "VENDOR_KEY",
                        "VENDOR_SIGNING",
                        "API_KEY [production]",
                        "API_KEY [staging]"),
                outcome.units().stream().map(u -> u.plan().label()).toList());
        assertEquals(
                List.of(
                        UnitResult.Status.STORED,
                        UnitResult.Status.FAILED,
                        UnitResult.Status.NOT_MINTED,
                        UnitResult.Status.NOT_MINTED,
                        UnitResult.Status.NOT_MINTED,
                        UnitResult.Status.NOT_MINTED,
                        UnitResult.Status.NOT_MINTED,
                        UnitResult.Status.NOT_MINTED),
                outcome.units().stream().map(UnitResult::status).toList());
        assertEquals(List.of("production", "staging"), outcome.current());
        assertEquals(
                List.of(
                        "mvn spectral:rotate -Dkey=DB_PASSWORD -Denv=dev",
                        "mvn spectral:rotate -Dkey=DB_PASSWORD,API_KEY -Denv=production",
                        "mvn spectral:rotate -Dkey=DB_PASSWORD,API_KEY -Denv=staging",
                        "mvn spectral:rotate -Dkey=VENDOR_KEY,VENDOR_SIGNING"),
                outcome.finishCommands());
        assertFalse(outcome.complete());
        RotationException problem = outcome.problem().orElseThrow();
        assertEquals(RotationException.Cause.TOOL, problem.reason());
        assertTrue(
                problem.getMessage()
                        .startsWith("rotation of 8 keys is incomplete: stored in 1Password: SESSION_SECRET; not done: "
                                + "DB_PASSWORD [dev]: writing the new value to 1Password failed: "),
                problem.getMessage());
        assertTrue(
                problem.getMessage()
                        .contains("; not minted: DB_PASSWORD [production], DB_PASSWORD [staging], VENDOR_KEY, "
                                + "VENDOR_SIGNING, API_KEY [production], API_KEY [staging]. Finish with: mvn spectral:rotate -Dkey=DB_PASSWORD -Denv=dev, "
                                + "then mvn spectral:rotate -Dkey=DB_PASSWORD,API_KEY -Denv=production, then "),
                problem.getMessage());
        assertTrue(log.all().contains("ERROR DB_PASSWORD [dev]: writing the new value to 1Password failed"), log.all());
    }

    @Test
    void runningTheFinishCommandsRotatesTheRestAndNeverAStoredKeyAgain() throws Exception {
        op.failWritesTo("vendor");
        RotationOutcome first =
                rotate(FakeTerminal.batch(), request("all", "production", false, true, "env:NEW_{KEY}"));
        List<String> commands = first.finishCommands();
        assertEquals(
                List.of(
                        "mvn spectral:rotate -Dkey=VENDOR_KEY,VENDOR_SIGNING -Dspectral.valueFrom=env:NEW_{KEY}",
                        "mvn spectral:rotate -Dkey=API_KEY -Denv=production -Dspectral.valueFrom=env:NEW_{KEY}"),
                commands);
        long sessionVersion = op.version("Spectral", "session");
        long dbVersion = op.version("Spectral", "db-production");

        op.clearWriteFailures();
        for (String command : commands) {
            RotationOutcome finished = rotate(FakeTerminal.batch(), parse(command));
            assertTrue(finished.complete(), command);
        }

        assertEquals(sessionVersion, op.version("Spectral", "session"), "a stored key is not rotated again");
        assertEquals(dbVersion, op.version("Spectral", "db-production"));
        assertEquals(11, op.version("Spectral", "vendor"));
        assertEquals(3, op.version("Spectral", "api-production"));
        assertEquals(NEW_API_KEY, github.secret("production", "API_KEY"));
    }

    @Test
    void aRepublishThatFailsInOneEnvironmentLeavesItBehindAndSaysSo() throws Exception {
        github.failOn.add("setSecret staging SESSION_SECRET");

        RotationOutcome outcome =
                rotate(FakeTerminal.batch(), request("SESSION_SECRET,VENDOR_SIGNING", null, false, true, null));

        assertTrue(outcome.stored());
        assertEquals(List.of("production"), outcome.current());
        assertEquals(List.of("staging"), outcome.behind());
        assertEquals(List.of("mvn spectral:provision -Denv=staging"), outcome.finishCommands());
        UnitResult session = outcome.units().get(0);
        assertEquals(List.of("staging"), outcome.behindOf(session));
        assertEquals(List.of("production"), outcome.currentOf(outcome.units().get(1)));
        assertTrue(
                outcome.problem()
                        .orElseThrow()
                        .getMessage()
                        .endsWith("[staging] still hold old values (current: [production]). "
                                + "Finish with: mvn spectral:provision -Denv=staging"),
                outcome.problem().get().getMessage());
    }

    @Test
    void aFailureOfTheFirstKeyWritesNothingAndStillCarriesTheRecord() throws Exception {
        op.failWritesTo("session");

        RotationException e =
                refused(FakeTerminal.batch(), request("SESSION_SECRET,VENDOR_SIGNING", null, false, true, null));

        assertTrue(
                e.getMessage()
                        .endsWith(
                                "Nothing was published; the old value is still live [SESSION_SECRET; the other 1 key(s) were "
                                        + "not minted]"),
                e.getMessage());
        assertEquals(List.of(), github.calls);
        RotationOutcome outcome = e.outcome().orElseThrow();
        assertEquals(
                List.of(UnitResult.Status.FAILED, UnitResult.Status.NOT_MINTED),
                outcome.units().stream().map(UnitResult::status).toList());
        assertEquals(List.of("mvn spectral:rotate -Dkey=SESSION_SECRET,VENDOR_SIGNING"), outcome.finishCommands());
    }

    // ---- spectral.valueFrom as a pattern --------------------------------------------------------

    @Test
    void aValueFromWithoutKeyIsRefusedForSeveralPromptedKeysWithoutShowingIt() throws Exception {
        RotationException e =
                refused(FakeTerminal.batch(), request("all", "production", false, true, "env:NEW_VENDOR_KEY"));

        assertTrue(
                e.getMessage()
                        .startsWith(
                                "spectral.valueFrom names one variable, but 2 prompted keys are selected (VENDOR_KEY, "
                                        + "API_KEY [production]): use a pattern with {KEY}"),
                e.getMessage());
        assertFalse(e.getMessage().contains("env:NEW_VENDOR_KEY"), e.getMessage());
        assertEquals(List.of(), TestGenerators.minted());
        assertEquals(0, op.writeCalls());
    }

    @Test
    void oneVariableForOnePromptedKeyWorksAsBefore() throws Exception {
        RotationOutcome outcome = rotate(
                FakeTerminal.batch(),
                request(itemSelector("Spectral/vendor"), false, true, "env:NEW_VENDOR_KEY", null));

        assertTrue(outcome.complete());
        assertEquals(NEW_VENDOR_KEY, op.valueOf(ref("op://Spectral/vendor/credential")));
    }

    @Test
    void onePromptedKeyInTwoEnvironmentsCannotReadOneVariable() throws Exception {
        RotationException e = refused(FakeTerminal.batch(), request("all", null, false, true, "env:NEW_{KEY}"));

        assertTrue(
                e.getMessage()
                        .startsWith(
                                "API_KEY [production] and API_KEY [staging] would both read NEW_API_KEY (spectral.valueFrom): "
                                        + "rotate one environment at a time with -Denv"),
                e.getMessage());
        assertEquals(0, op.writeCalls());
    }

    @Test
    void aMissingVariableStopsTheRunBeforeAnythingIsMinted() throws Exception {
        RotationException e = assertThrows(
                RotationException.class,
                () -> rotator(FakeTerminal.batch(), Map.of("NEW_VENDOR_KEY", "x"))
                        .rotate(CONFIG, request("all", "production", false, true, "env:NEW_{KEY}")));
        thrown.add(e);

        assertEquals(
                "environment variable NEW_API_KEY (spectral.valueFrom) is not set or empty; nothing was written",
                e.getMessage());
        assertEquals(List.of(), TestGenerators.minted());
        assertEquals(0, op.writeCalls());
    }

    @Test
    void aMalformedPatternIsRefusedWithoutShowingIt() throws Exception {
        RotationException e =
                refused(FakeTerminal.batch(), request("all", "production", false, true, "sk_live_51HxQz9Kf3LpT8vWmNq"));

        assertEquals(ValueFrom.MALFORMED, e.getMessage());
        assertEquals(0, op.writeCalls());
    }

    // ---- the incident record ------------------------------------------------------------------

    @Test
    void theRecordStatesWhenWhatTheRunEachItemsVersionsFollowUpsAndTheAuditWindow() throws Exception {
        RotationRequest request = request(
                Selection.of(Optional.of("all"), Optional.empty(), Optional.empty(), Optional.of("production")),
                false,
                true,
                "env:NEW_{KEY}",
                Instant.parse("2026-03-01T00:00:00Z"));

        RotationOutcome outcome = rotate(FakeTerminal.batch(), request);
        String record = RotationRecord.markdown(
                outcome, Optional.of("https://github.com/spectral-dev/platform/actions/runs/4242"));

        for (String expected : List.of(
                "### spectral:rotate: incident record\n",
                "| When | 2026-03-04T05:06:07Z |",
                "| Selection | `-Dkey=all -Denv=production` |",
                "| Run | https://github.com/spectral-dev/platform/actions/runs/4242 |",
                "| Result | complete: 5 key(s) stored in 1Password; republished production, staging |",
                "| Suspected window | from 2026-03-01T00:00:00Z (the suspected start) to 2026-03-04T05:06:07Z (this run) |",
                "| SESSION_SECRET | shared | `Spectral/session/secret` | 7 -> 8 | production, staging | stored |",
                "| VENDOR_KEY | shared | `Spectral/vendor/credential` | 9 -> 10 | production | stored |",
                "| VENDOR_SIGNING | shared | `Spectral/vendor/signing` | 10 -> 11 | production | stored |",
                "| API_KEY | per-env (production) | `Spectral/api-production/key` | 2 -> 3 | production | stored |",
                "- [ ] SUPPORT_TOKEN [production] reads op://Spectral/support/token: no [rotation] spec",
                "- **API_KEY [production]**\n  - [ ] Redeploy production so the new value reaches the running systems.\n"
                        + "  - [ ] Revoke the old value at the vendor once the new one is live.\n"
                        + "  - [ ] Recycle containers that read API_KEY at boot",
                "#### Audit surfaces to review, from 2026-03-01T00:00:00Z to 2026-03-04T05:06:07Z\n",
                "- [ ] Git history of environments.toml (and of the plugin configuration and workflows): "
                        + "`git log --since=2026-03-01T00:00:00Z -- environments.toml`",
                "- [ ] 1Password item history (vault activity, and each item's history): Spectral/session (written: version 8), "
                        + "Spectral/db-production (written: version 5), Spectral/vendor (written: version 11), "
                        + "Spectral/api-production (written: version 3)",
                "- [ ] GitHub audit log (organization settings, Audit log): secret and variable changes, access and deploy runs of the "
                        + "environments production, staging",
                "- [ ] The vendor's audit log of each prompted key (uses of the old value): VENDOR_KEY, API_KEY [production]")) {
            assertTrue(record.contains(expected), expected + "\n---- in ----\n" + record);
        }
        assertFalse(record.contains("Finish with"), record);

        RotationReport report = RotationReport.of(outcome, actions());
        assertEquals("https://github.com/spectral-dev/platform/actions/runs/4242", report.runUrl());
        assertEquals("2026-03-01T00:00:00Z", report.since());
        RotationReport.Key api = report.keys().get(4);
        assertEquals(
                List.of(
                        "API_KEY",
                        "production",
                        "prompt",
                        "per-env",
                        "Spectral/api-production",
                        "Spectral/api-production/key",
                        "stored"),
                List.of(
                        api.key(),
                        api.environment(),
                        api.generator(),
                        api.scope(),
                        api.item(),
                        api.target(),
                        api.status()));
        assertEquals(List.of(2L, 3L), List.of(api.versionBefore(), api.versionAfter()));
        assertEquals(List.of("production"), api.current());
    }

    @Test
    void withoutSinceTheWindowIsUnknownAndTheRecordSaysToSetIt() throws Exception {
        RotationOutcome outcome = rotate(FakeTerminal.batch(), request("SESSION_SECRET", null, false, true, null));
        String record = RotationRecord.markdown(outcome, Optional.empty());

        assertTrue(record.contains("| Run | not on GitHub Actions |"), record);
        assertTrue(
                record.contains(
                        "| Suspected window | unknown: the suspected start of the incident was not given; set it with "
                                + "-Dspectral.rotate.since=<ISO-8601 instant or date> and review from then up to 2026-03-04T05:06:07Z (this run) |"),
                record);
        assertTrue(record.contains("`git log -- environments.toml`"), record);
        assertTrue(
                record.contains(
                        "#### Audit surfaces to review, from the suspected start (unknown: see above) to 2026-03-04T05:06:07Z\n"),
                record);
        assertFalse(record.contains("vendor's audit log"), "no prompted key: " + record);
    }

    @Test
    void anIncompleteRecordSaysPerKeyWhatIsStoredAndWhatIsNotAndHowToFinish() throws Exception {
        op.failWritesTo("vendor");

        RotationOutcome outcome =
                rotate(FakeTerminal.batch(), request("SESSION_SECRET,VENDOR_SIGNING", null, false, true, null));
        String record = RotationRecord.markdown(outcome, Optional.empty());

        assertTrue(
                record.contains(
                        "| Result | incomplete: 1 of 2 key(s) stored in 1Password; republished production, staging |"),
                record);
        assertTrue(
                record.contains(
                        "| SESSION_SECRET | shared | `Spectral/session/secret` | 7 -> 8 | production, staging | stored |"),
                record);
        assertTrue(
                record.contains(
                        "| VENDOR_SIGNING | shared | `Spectral/vendor/signing` | 9 (unchanged) | (none) | not done: writing the "
                                + "new value to 1Password failed: "),
                record);
        assertTrue(
                record.contains("**Finish with**, in this order (nothing stored is rotated again):\n\n"
                        + "1. `mvn spectral:rotate -Dkey=VENDOR_SIGNING`\n"),
                record);
        assertFalse(record.contains("- **VENDOR_SIGNING**"), "no follow-ups for a key not rotated: " + record);
    }

    @Test
    void aSuspectedStartAfterTheRunIsRefusedBeforeAnythingIsWritten() throws Exception {
        RotationException e = refused(
                FakeTerminal.batch(),
                request(itemSelector("Spectral/session"), false, true, null, Instant.parse("2026-03-05T00:00:00Z")));

        assertEquals(
                "-Dspectral.rotate.since (2026-03-05T00:00:00Z) is after the time of this run (2026-03-04T05:06:07Z); "
                        + "nothing was written",
                e.getMessage());
        assertEquals(0, op.writeCalls());
    }

    /** A leaked item: exactly its rotatable keys, chained on one item's versions. */
    @Test
    void anItemSelectorRotatesExactlyTheKeysThatReadIt() throws Exception {
        RotationOutcome outcome = rotate(
                FakeTerminal.batch(), request(itemSelector("Spectral/vendor"), false, true, "env:NEW_{KEY}", null));

        assertEquals(
                List.of("VENDOR_KEY", "VENDOR_SIGNING"),
                outcome.units().stream().map(u -> u.plan().key()).toList());
        assertEquals(List.of("replace Spectral/vend0001", "replace Spectral/vend0001"), op.writes());
        assertEquals(7, op.version("Spectral", "session"));
        assertEquals(List.of("production"), outcome.current());
    }

    /** A finish command, as printed, read back into a request. */
    private static RotationRequest parse(String command) throws RotationException {
        String key = null;
        String env = null;
        String valueFrom = null;
        for (String word : command.split(" ")) {
            if (word.startsWith("-Dkey=")) {
                key = word.substring("-Dkey=".length());
            } else if (word.startsWith("-Denv=")) {
                env = word.substring("-Denv=".length());
            } else if (word.startsWith("-Dspectral.valueFrom=")) {
                valueFrom = word.substring("-Dspectral.valueFrom=".length());
            }
        }
        return request(key, env, false, true, valueFrom);
    }
}

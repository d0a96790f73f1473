package dev.spectral.provision.publish;

import static dev.spectral.provision.testing.ScriptedRunner.exit;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spectral.provision.config.Config;
import dev.spectral.provision.secret.Redactor;
import dev.spectral.provision.testing.Configs;
import dev.spectral.provision.testing.FakeGitHub;
import dev.spectral.provision.testing.FakeOnePassword;
import dev.spectral.provision.testing.RecordingLog;
import dev.spectral.provision.testing.ScriptedRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvisionerTest {

    private static final Config CONFIG = Configs.valid("""
            [production]
            APP_ENV = "production"
            API_KEY = "op://Spectral/anthropic/credential"
            CF_TOKEN = "op://Spectral/cloudflare/api-token"

            [staging]
            APP_ENV = "staging"
            API_KEY = "op://Spectral/anthropic-staging/credential"
            CF_TOKEN = "op://spectral/Cloudflare/api-token"

            [dev]
            APP_ENV = "dev"
            API_KEY = "op://Spectral/anthropic-dev/credential"
            SIGNING_KEY = "op://Spectral/signing-dev/jwk"

            [dev2]
            APP_ENV = "dev2"
            """);

    @TempDir
    Path dir;

    private final Redactor redactor = new Redactor();
    private final FakeOnePassword onePassword = new FakeOnePassword(redactor);

    {
        onePassword.put("op://spectral/anthropic/credential", "sk-ant-production-value");
        onePassword.put("op://spectral/cloudflare/api-token", "cf-shared-token-value");
        onePassword.put("op://spectral/anthropic-staging/credential", "sk-ant-staging-value");
        onePassword.put("op://spectral/anthropic-dev/credential", "sk-ant-dev-value");
        onePassword.put("op://spectral/signing-dev/jwk", "{\"kty\":\"EC\",\"d\":\"$HOME {{ x }} ☃ #\"}\nsecond line");
    }

    private final FakeGitHub github = new FakeGitHub("production", "staging");
    private final ScriptedRunner git = new ScriptedRunner();
    private final RecordingLog log = new RecordingLog(false);
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private ProvisionOutcome provision(ProvisionRequest request) throws ProvisionException {
        return new Provisioner(onePassword, github, new DotEnvWriter(git), pool, log).provision(CONFIG, request);
    }

    private ProvisionRequest request(String selection, boolean dryRun, boolean prune, boolean createEnvironments) {
        Set<ProvisionRequest.Option> options = EnumSet.noneOf(ProvisionRequest.Option.class);
        if (dryRun) {
            options.add(ProvisionRequest.Option.DRY_RUN);
        }
        if (prune) {
            options.add(ProvisionRequest.Option.PRUNE);
        }
        if (createEnvironments) {
            options.add(ProvisionRequest.Option.CREATE_ENVIRONMENTS);
        }
        return new ProvisionRequest(selection, Set.of("dev", "dev2"), dir.resolve(".env"), options);
    }

    private ProvisionRequest request(String selection) {
        return request(selection, false, false, false);
    }

    /** git says the .env is not tracked and is ignored. */
    private void gitIgnoresTheDotEnv() {
        git.on(
                List.of("git", "-C", dir.toString(), "ls-files"),
                c -> exit(1, "error: pathspec '.env' did not match any file(s) known to git\n"));
        git.on(List.of("git", "-C", dir.toString(), "check-ignore"), c -> exit(0, ""));
    }

    private static Map<String, ChangeResult.Status> statusByLabel(ProvisionOutcome outcome) {
        return outcome.results().stream()
                .collect(Collectors.toMap(r -> r.change().label(), ChangeResult::status));
    }

    private void assertNoValueLogged() {
        for (String value : onePassword.allValues()) {
            for (String line : value.split("\n")) {
                assertFalse(log.all().contains(line), "a value was logged: " + log.all());
            }
        }
    }

    @Test
    void resolvesOnceForSeveralEnvironmentsSharingReferencesAndPublishes() throws Exception {
        ProvisionOutcome outcome = provision(request("production,staging"));

        assertEquals(1, onePassword.resolveCalls().size());
        List<String> references = onePassword.resolveCalls().get(0).stream()
                .map(r -> r.toString().toLowerCase(Locale.ROOT))
                .sorted()
                .toList();
        assertEquals(
                List.of(
                        "op://spectral/anthropic-staging/credential",
                        "op://spectral/anthropic/credential",
                        "op://spectral/cloudflare/api-token"),
                references);

        assertEquals(
                "sk-ant-production-value",
                github.secrets("production").get("API_KEY").reveal());
        assertEquals(
                "cf-shared-token-value",
                github.secrets("production").get("CF_TOKEN").reveal());
        assertEquals(
                "sk-ant-staging-value", github.secrets("staging").get("API_KEY").reveal());
        assertEquals(
                "cf-shared-token-value",
                github.secrets("staging").get("CF_TOKEN").reveal());
        assertEquals(Map.of("APP_ENV", "production"), github.variables("production"));
        assertEquals(Map.of("APP_ENV", "staging"), github.variables("staging"));

        assertEquals(6, outcome.results().size());
        assertTrue(
                outcome.results().stream().allMatch(r -> r.status() == ChangeResult.Status.DONE),
                outcome.results().toString());
        assertEquals(Optional.of(FakeGitHub.REPOSITORY), outcome.repository());
        assertEquals(Map.of("production", "github", "staging", "github"), outcome.environments());
        assertEquals(List.of("production", "staging"), outcome.currentEnvironments());
        assertFalse(outcome.dryRun());
        assertNoValueLogged();
    }

    @Test
    void aDryRunResolvesButWritesNothing() throws Exception {
        github.environments.remove("staging");

        ProvisionOutcome outcome = provision(request("production,staging", true, true, true));

        assertEquals(1, onePassword.resolveCalls().size());
        assertEquals(List.of(), github.writeCalls());
        assertTrue(outcome.dryRun());
        assertEquals(6, outcome.results().size());
        assertTrue(
                outcome.results().stream().allMatch(r -> r.status() == ChangeResult.Status.SKIPPED),
                outcome.results().toString());
        assertFalse(github.environments.contains("staging"));
    }

    @Test
    void aFailedResolvePublishesNothing() {
        onePassword.failResolving(
                "reference op://Spectral/cloudflare/api-token failed: item 'cloudflare' has no field 'api-token'");

        ProvisionException e = assertThrows(ProvisionException.class, () -> provision(request("production,staging")));

        assertEquals(ProvisionException.Cause.TOOL, e.reason());
        assertTrue(e.getMessage().contains("op://Spectral/cloudflare/api-token"), e.getMessage());
        assertTrue(e.getMessage().contains("Nothing was published"), e.getMessage());
        assertEquals(List.of(), github.writeCalls());
    }

    @Test
    void aMissingEnvironmentStopsTheRunBeforeAnyWrite() {
        github.environments.remove("staging");

        ProvisionException e = assertThrows(ProvisionException.class, () -> provision(request("production,staging")));

        assertEquals(ProvisionException.Cause.CONFIGURATION, e.reason());
        assertTrue(e.getMessage().contains("'staging'"), e.getMessage());
        assertTrue(e.getMessage().contains("createEnvironments"), e.getMessage());
        assertEquals(List.of(), github.writeCalls());
    }

    @Test
    void aMissingEnvironmentIsCreatedWhenAsked() throws Exception {
        github.environments.remove("staging");

        ProvisionOutcome outcome = provision(request("production,staging", false, false, true));

        assertTrue(github.calls.contains("createEnvironment staging"), github.calls.toString());
        assertFalse(github.calls.contains("createEnvironment production"), github.calls.toString());
        assertEquals(
                "sk-ant-staging-value", github.secrets("staging").get("API_KEY").reveal());
        assertTrue(outcome.failures().isEmpty(), outcome.failures().toString());
    }

    @Test
    void pruneDeletesStaleNames() throws Exception {
        github.putSecret("production", "OLD_SECRET");
        github.putVariable("production", "OLD_VAR", "x");

        ProvisionOutcome outcome = provision(request("production", false, true, false));

        assertFalse(github.secrets("production").containsKey("OLD_SECRET"));
        assertFalse(github.variables("production").containsKey("OLD_VAR"));
        Map<String, ChangeResult.Status> status = statusByLabel(outcome);
        assertEquals(ChangeResult.Status.DONE, status.get("[production] OLD_SECRET (secret, delete)"));
        assertEquals(ChangeResult.Status.DONE, status.get("[production] OLD_VAR (variable, delete)"));
    }

    @Test
    void withoutPruneStaleNamesAreOnlyListed() throws Exception {
        github.putSecret("production", "OLD_SECRET");
        github.putVariable("production", "OLD_VAR", "x");

        ProvisionOutcome outcome = provision(request("production"));

        assertTrue(github.secrets("production").containsKey("OLD_SECRET"));
        assertEquals("x", github.variables("production").get("OLD_VAR"));
        Map<String, ChangeResult.Status> status = statusByLabel(outcome);
        assertEquals(ChangeResult.Status.SKIPPED, status.get("[production] OLD_SECRET (secret, stale)"));
        assertEquals(ChangeResult.Status.SKIPPED, status.get("[production] OLD_VAR (variable, stale)"));
    }

    @Test
    void aPartialFailureIsReportedPerKeyAndEnvironment() throws Exception {
        github.failOn.add("setSecret production CF_TOKEN");

        ProvisionOutcome outcome = provision(request("production,staging"));

        Map<String, ChangeResult.Status> status = statusByLabel(outcome);
        assertEquals(ChangeResult.Status.FAILED, status.get("[production] CF_TOKEN (secret, set)"));
        assertEquals(ChangeResult.Status.DONE, status.get("[production] API_KEY (secret, set)"));
        assertEquals(ChangeResult.Status.DONE, status.get("[production] APP_ENV (variable, create)"));
        assertEquals(ChangeResult.Status.DONE, status.get("[staging] CF_TOKEN (secret, set)"));
        assertEquals(1, outcome.failures().size());
        assertEquals(List.of("production"), outcome.incompleteEnvironments());
        assertEquals(List.of("staging"), outcome.currentEnvironments());
        assertEquals(
                "cf-shared-token-value",
                github.secrets("staging").get("CF_TOKEN").reveal());
    }

    @Test
    void aValueOverGitHubsLimitStopsTheRunBeforeAnyWrite() {
        String tooLarge = "x".repeat(48 * 1024 + 1);
        onePassword.put("op://spectral/anthropic-staging/credential", tooLarge);

        ProvisionException e = assertThrows(ProvisionException.class, () -> provision(request("production,staging")));

        assertEquals(ProvisionException.Cause.CONFIGURATION, e.reason());
        assertTrue(e.getMessage().contains("API_KEY"), e.getMessage());
        assertTrue(e.getMessage().contains("staging"), e.getMessage());
        assertFalse(e.getMessage().contains("xxxxxxxx"), "the message holds the value");
        assertEquals(List.of(), github.writeCalls());
    }

    @Test
    void aValueOfExactly48KibIsPublished() throws Exception {
        String largest = "y".repeat(48 * 1024);
        onePassword.put("op://spectral/anthropic-staging/credential", largest);

        ProvisionOutcome outcome = provision(request("staging"));

        assertTrue(outcome.failures().isEmpty());
        assertEquals(largest, github.secrets("staging").get("API_KEY").reveal());
    }

    @Test
    void aLocalEnvironmentIsWrittenToTheDotEnvByteExact() throws Exception {
        gitIgnoresTheDotEnv();

        ProvisionOutcome outcome = provision(request("dev"));

        Path file = dir.resolve(".env");
        String content = Files.readString(file);
        String body = "APP_ENV='dev'\n"
                + "API_KEY='sk-ant-dev-value'\n"
                + "SIGNING_KEY='{\"kty\":\"EC\",\"d\":\"$HOME {{ x }} ☃ #\"}\nsecond line'\n";
        assertTrue(content.endsWith(body), content);
        content.substring(0, content.length() - body.length())
                .lines()
                .forEach(line -> assertTrue(line.startsWith("#"), "not a comment: " + line));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        assertEquals(1, git.commands("git", "-C", dir.toString(), "ls-files").size());
        assertEquals(
                1, git.commands("git", "-C", dir.toString(), "check-ignore").size());
        assertEquals(List.of(), github.calls);
        assertEquals(Optional.empty(), outcome.repository());
        assertEquals(Map.of("dev", file.toString()), outcome.environments());
        assertEquals(3, outcome.results().size());
        assertTrue(
                outcome.results().stream()
                        .allMatch(r -> r.status() == ChangeResult.Status.DONE
                                && r.change().action() == Action.WRITE),
                outcome.results().toString());
        assertNoValueLogged();
    }

    @Test
    void aLocalEnvironmentIsNotHeldToGitHubOnlyLimits() throws Exception {
        gitIgnoresTheDotEnv();
        String bundle = "-----BEGIN CERTIFICATE-----\n" + "A".repeat(50 * 1024) + "\n-----END CERTIFICATE-----\n";
        onePassword.put("op://spectral/signing-dev/jwk", bundle);

        // Nothing goes to GitHub: its 48 KB limit and gh's newline stripping do not apply to the .env.
        ProvisionOutcome outcome = assertDoesNotThrow(
                () -> provision(request("dev")), "a local environment was refused for GitHub's limit");

        assertTrue(outcome.failures().isEmpty(), outcome.failures().toString());
        assertTrue(Files.readString(dir.resolve(".env")).contains("SIGNING_KEY='" + bundle + "'\n"));
        assertEquals(List.of(), log.lines("WARN"));
    }

    @Test
    void aLocalEnvironmentKeepsBackslashesAndQuotesInTheFormEveryLoaderReadsBack() throws Exception {
        gitIgnoresTheDotEnv();
        onePassword.put("op://Spectral/anthropic-dev/credential", "C:\\Users\\dev\\key.pem");
        onePassword.put("op://Spectral/signing-dev/jwk", "it's\nmulti-line");

        ProvisionOutcome outcome = provision(request("dev"));

        assertTrue(outcome.failures().isEmpty(), outcome.failures().toString());
        String content = Files.readString(dir.resolve(".env"));
        assertTrue(content.contains("API_KEY='C:\\Users\\dev\\key.pem'\n"), content);
        assertTrue(content.contains("SIGNING_KEY=\"it's\nmulti-line\"\n"), content);
    }

    @Test
    void aValueNoDotEnvLineCarriesFailsTheEnvironmentAndWritesNothing() throws Exception {
        gitIgnoresTheDotEnv();
        onePassword.put("op://Spectral/signing-dev/jwk", "secret-4711-${HOME}");

        ProvisionOutcome outcome = provision(request("dev"));

        assertFalse(Files.exists(dir.resolve(".env")));
        assertEquals(3, outcome.failures().size(), outcome.results().toString());
        String message = outcome.failures().get(0).error().orElseThrow();
        assertTrue(message.contains("environment 'dev'") && message.contains("SIGNING_KEY: it holds ${...}"), message);
        assertTrue(
                log.lines("ERROR").stream().anyMatch(l -> l.contains("SIGNING_KEY")),
                log.lines().toString());
        assertFalse(log.all().contains("4711"), log.all());
        assertFalse(message.contains("4711"), message);
    }

    @Test
    void aDryRunSaysThatALocalEnvironmentCouldNotBeWritten() throws Exception {
        onePassword.put("op://Spectral/signing-dev/jwk", "secret-4711-${HOME}");

        ProvisionOutcome outcome = provision(request("dev", true, false, false));

        assertTrue(outcome.failures().isEmpty());
        assertFalse(Files.exists(dir.resolve(".env")));
        List<String> warnings = log.lines("WARN").stream()
                .filter(l -> l.startsWith("[dev] a real run would fail here: "))
                .toList();
        assertEquals(1, warnings.size(), log.lines().toString());
        assertTrue(warnings.get(0).contains("SIGNING_KEY"), warnings.get(0));
        assertFalse(log.all().contains("4711"), log.all());
    }

    @Test
    void aLocalEnvironmentThatGitWouldCommitIsRefusedBeforeResolving() {
        git.on(List.of("git", "-C", dir.toString(), "ls-files"), c -> exit(1, ""));
        git.on(List.of("git", "-C", dir.toString(), "check-ignore"), c -> exit(1, ""));

        ProvisionException e = assertThrows(ProvisionException.class, () -> provision(request("dev")));

        assertEquals(ProvisionException.Cause.CONFIGURATION, e.reason());
        assertEquals(0, onePassword.resolveCalls().size());
        assertFalse(Files.exists(dir.resolve(".env")));
    }

    @Test
    void twoLocalEnvironmentsAtOnceAreRefused() {
        ProvisionException e = assertThrows(ProvisionException.class, () -> provision(request("dev,dev2")));

        assertEquals(ProvisionException.Cause.CONFIGURATION, e.reason());
        assertTrue(e.getMessage().contains("dev") && e.getMessage().contains("dev2"), e.getMessage());
        assertEquals(0, onePassword.resolveCalls().size());
        assertEquals(List.of(), git.commands());
        assertFalse(Files.exists(dir.resolve(".env")));
    }

    @Test
    void publishesAndWritesTheDotEnvInOneRun() throws Exception {
        gitIgnoresTheDotEnv();

        ProvisionOutcome outcome = provision(request("production,dev"));

        assertEquals(1, onePassword.resolveCalls().size());
        assertEquals(4, onePassword.resolveCalls().get(0).size());
        assertEquals(
                "sk-ant-production-value",
                github.secrets("production").get("API_KEY").reveal());
        assertTrue(Files.readString(dir.resolve(".env")).contains("API_KEY='sk-ant-dev-value'\n"));
        assertFalse(github.calls.stream().anyMatch(c -> c.contains(" dev")), github.calls.toString());
        assertTrue(outcome.failures().isEmpty(), outcome.failures().toString());
    }

    @Test
    void aValueThatChangesWhileItIsPublishedIsPublishedAgain() throws Exception {
        Instant before = Instant.parse("2026-11-01T10:00:00Z");
        onePassword.listings(List.of(Map.of("cloudflare", before, "anthropic", before)));
        onePassword.listings(List.of(Map.of("cloudflare", before.plusSeconds(5), "anthropic", before)));
        onePassword.put("op://spectral/cloudflare/api-token", "cf-shared-token-value");

        provision(request("production"));

        assertEquals(
                List.of("Spectral", "Spectral"),
                onePassword.listedVaults(),
                "one listing before, one after publishing");
        assertEquals(2, onePassword.resolveCalls().size());
        assertEquals(
                List.of("op://Spectral/cloudflare/api-token"),
                onePassword.resolveCalls().get(1).stream().map(Object::toString).toList());
        assertEquals(
                2, github.calls.stream().filter(c -> c.contains("CF_TOKEN")).count(), github.calls.toString());
        assertTrue(
                log.lines().stream().anyMatch(l -> l.contains("changed while this run published them")),
                log.lines().toString());
    }

    @Test
    void aDotEnvThatAlreadyHoldsTheValuesIsLeftAlone() throws Exception {
        gitIgnoresTheDotEnv();
        provision(request("dev"));
        java.nio.file.Path env = dir.resolve(".env");
        java.nio.file.attribute.FileTime written = java.nio.file.Files.getLastModifiedTime(env);
        java.nio.file.Files.setLastModifiedTime(env, java.nio.file.attribute.FileTime.fromMillis(0));

        ProvisionOutcome again = provision(request("dev"));

        assertTrue(
                again.results().stream().allMatch(r -> r.change().action() == Action.UNCHANGED),
                again.results().toString());
        assertEquals(0, java.nio.file.Files.getLastModifiedTime(env).toMillis(), "the file was not rewritten");
        assertTrue(written.toMillis() > 0);
    }
}

package dev.spectral.provision.github;

import static dev.spectral.provision.testing.ScriptedRunner.exit;
import static dev.spectral.provision.testing.ScriptedRunner.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spectral.provision.process.Command;
import dev.spectral.provision.secret.Redactor;
import dev.spectral.provision.secret.SecretValue;
import dev.spectral.provision.testing.RecordingLog;
import dev.spectral.provision.testing.ScriptedRunner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GhCliTest {

    private static final String REPO = "spectral-dev/platform";
    private static final String ENV_PATH = "repos/" + REPO + "/environments/production";

    private final Redactor redactor = new Redactor();
    private final ScriptedRunner runner = new ScriptedRunner();
    private final RecordingLog log = new RecordingLog();
    private final RequestBudget budget = RequestBudget.of(GitHubLimits.defaults());

    private GhCli gh(Optional<String> repository) {
        return new GhCli(runner, "gh", repository, Duration.ofSeconds(30), redactor, budget, log);
    }

    private GhCli gh() {
        return gh(Optional.of(REPO));
    }

    @Test
    void usesTheGivenRepositoryWithoutCallingGh() throws Exception {
        assertEquals(REPO, gh().repository());
        assertEquals(List.of(), runner.commands());
    }

    @Test
    void asksGhForTheDefaultRepositoryOnceAndKeepsIt() throws Exception {
        runner.on(List.of("gh", "repo", "view"), c -> ok(REPO + "\n"));
        runner.on(List.of("gh", "api"), c -> ok(""));
        GhCli gh = gh(Optional.empty());

        assertEquals(REPO, gh.repository());
        assertEquals(REPO, gh.repository());
        gh.deleteSecret("production", "OLD");

        List<Command> views = runner.commands("gh", "repo");
        assertEquals(1, views.size());
        assertEquals(
                List.of("gh", "repo", "view", "--json", "nameWithOwner", "-q", ".nameWithOwner"),
                views.get(0).argv());
        assertEquals(
                ENV_PATH + "/secrets/OLD",
                runner.commands("gh", "api").get(0).argv().get(5));
    }

    @Test
    void refusesWhatIsNotARepositoryName() {
        runner.on(List.of("gh", "repo", "view"), c -> ok("\n"));

        GitHubException e =
                assertThrows(GitHubException.class, () -> gh(Optional.empty()).repository());

        assertEquals(GitHubException.Kind.OTHER, e.kind());
        assertTrue(e.getMessage().contains("spectral.repo"), e.getMessage());
    }

    @Test
    void listsSecretsAndVariablesAcrossPaginatedDocuments() throws Exception {
        runner.on(List.of("gh", "api", "--paginate", ENV_PATH + "/secrets?per_page=100"), c -> ok("""
                {"total_count":3,"secrets":[{"name":"api_key","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-11-01T10:00:00Z"},\
                {"name":"DB_URL","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-11-02T11:30:00Z"}]}\
                {"total_count":3,"secrets":[{"name":"Cf_Token","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-11-03T12:45:30Z"}]}
                """));
        runner.on(List.of("gh", "api", "--paginate"), c -> {
            assertTrue(
                    c.argv().get(3).startsWith(ENV_PATH + "/variables"),
                    c.argv().toString());
            return ok("""
                    {"total_count":3,"variables":[{"name":"app_env","value":"production","created_at":"2026-01-01T00:00:00Z",\
                    "updated_at":"2026-01-01T00:00:00Z"},{"name":"LOG_LEVEL","value":"info","created_at":"2026-01-01T00:00:00Z",\
                    "updated_at":"2026-01-01T00:00:00Z"}]}
                    {"total_count":3,"variables":[{"name":"MULTI","value":"a\\nb \\"c\\"","created_at":"2026-01-01T00:00:00Z",\
                    "updated_at":"2026-01-01T00:00:00Z"}]}""");
        });

        RemoteState state = gh().list("production");

        assertEquals(
                Map.of(
                        "API_KEY", Instant.parse("2026-11-01T10:00:00Z"),
                        "DB_URL", Instant.parse("2026-11-02T11:30:00Z"),
                        "CF_TOKEN", Instant.parse("2026-11-03T12:45:30Z")),
                state.secrets());
        assertEquals(Map.of("APP_ENV", "production", "LOG_LEVEL", "info", "MULTI", "a\nb \"c\""), state.variables());
        assertEquals(2, runner.commands("gh", "api", "--paginate").size());
    }

    @Test
    void listsAnEmptyEnvironment() throws Exception {
        runner.on(
                List.of("gh", "api", "--paginate"),
                c -> ok(
                        c.argv().get(3).contains("/secrets")
                                ? "{\"total_count\":0,\"secrets\":[]}"
                                : "{\"total_count\":0,\"variables\":[]}"));

        assertEquals(RemoteState.empty(), gh().list("production"));
    }

    @Test
    void reportsOutputThatIsNotJson() {
        runner.on(List.of("gh", "api", "--paginate"), c -> ok("<html>rate limited</html>"));

        GitHubException e = assertThrows(GitHubException.class, () -> gh().list("production"));

        assertEquals(GitHubException.Kind.OTHER, e.kind());
    }

    @Test
    void setsASecretWithTheValueOnlyOnStdin() throws Exception {
        runner.on(List.of("gh", "secret", "set"), c -> ok(""));
        String value = "-----BEGIN KEY-----\nsecret body ☃\n-----END KEY-----";

        gh().setSecret("production", "SIGNING_KEY", SecretValue.of(value, redactor));

        Command command = runner.commands().get(0);
        assertEquals(
                List.of("gh", "secret", "set", "SIGNING_KEY", "--env", "production", "--repo", REPO), command.argv());
        assertArrayEquals(
                value.getBytes(StandardCharsets.UTF_8), command.stdin().orElseThrow());
        for (String arg : command.argv()) {
            assertFalse(arg.contains("secret body"), arg);
            assertFalse(arg.contains("BEGIN KEY"), arg);
        }
        assertFalse(command.toString().contains("secret body"));
    }

    @Test
    void createsAVariableWithAJsonBodyOnStdin() throws Exception {
        runner.on(List.of("gh", "api"), c -> ok("{}"));

        gh().createVariable("production", "APP_ENV", "prod \"quoted\"\nline");

        Command command = runner.commands().get(0);
        assertEquals(
                List.of("gh", "api", "--include", "--method", "POST", ENV_PATH + "/variables", "--input", "-"),
                command.argv());
        assertJsonBody(command, "APP_ENV", "prod \"quoted\"\nline");
    }

    @Test
    void updatesAVariableWithAJsonBodyOnStdin() throws Exception {
        runner.on(List.of("gh", "api"), c -> ok(""));

        gh().updateVariable("production", "LOG_LEVEL", "debug");

        Command command = runner.commands().get(0);
        assertEquals(
                List.of(
                        "gh",
                        "api",
                        "--include",
                        "--method",
                        "PATCH",
                        ENV_PATH + "/variables/LOG_LEVEL",
                        "--input",
                        "-"),
                command.argv());
        assertJsonBody(command, "LOG_LEVEL", "debug");
    }

    @Test
    void deletesSecretsAndVariablesWithAClosedStdin() throws Exception {
        runner.on(List.of("gh", "api"), c -> ok(""));

        gh().deleteSecret("production", "OLD_SECRET");
        gh().deleteVariable("production", "OLD_VAR");

        List<Command> commands = runner.commands();
        assertEquals(
                List.of("gh", "api", "--include", "--method", "DELETE", ENV_PATH + "/secrets/OLD_SECRET"),
                commands.get(0).argv());
        assertEquals(
                List.of("gh", "api", "--include", "--method", "DELETE", ENV_PATH + "/variables/OLD_VAR"),
                commands.get(1).argv());
        assertTrue(commands.get(0).stdin().isEmpty());
        assertTrue(commands.get(1).stdin().isEmpty());
    }

    @Test
    void createsAnEnvironment() throws Exception {
        runner.on(List.of("gh", "api"), c -> ok("{}"));

        gh().createEnvironment("staging");

        assertEquals(
                List.of("gh", "api", "--include", "--method", "PUT", "repos/" + REPO + "/environments/staging"),
                runner.commands().get(0).argv());
    }

    @Test
    void findsAnExistingEnvironment() throws Exception {
        runner.on(List.of("gh", "api"), c -> ok("{\"name\":\"production\"}"));

        assertTrue(gh().environmentExists("production"));
        assertEquals(
                List.of("gh", "api", "--include", "--method", "GET", ENV_PATH),
                runner.commands().get(0).argv());
    }

    @Test
    void aNotFoundEnvironmentDoesNotExist() throws Exception {
        runner.on(List.of("gh", "api"), c -> exit(1, "gh: Not Found (HTTP 404)\n"));

        assertFalse(gh().environmentExists("production"));
    }

    @Test
    void http404IsNotFound() {
        runner.on(List.of("gh", "api"), c -> exit(1, "gh: Not Found (HTTP 404)\n"));

        GitHubException e = assertThrows(GitHubException.class, () -> gh().deleteVariable("production", "GONE"));

        assertEquals(GitHubException.Kind.NOT_FOUND, e.kind());
    }

    @Test
    void exit4IsAnAuthenticationFailure() {
        runner.on(
                List.of("gh", "secret", "set"),
                c -> exit(4, "To get started with GitHub CLI, please run:  gh auth login\n"));

        GitHubException e = assertThrows(
                GitHubException.class, () -> gh().setSecret("production", "API_KEY", SecretValue.of("v", redactor)));

        assertEquals(GitHubException.Kind.AUTHENTICATION, e.kind());
        assertTrue(e.getMessage().contains("gh auth login"), e.getMessage());
        assertTrue(e.getMessage().contains("GH_TOKEN"), e.getMessage());
    }

    @Test
    void anAuthenticationFailureIsNotTakenForAMissingEnvironment() {
        runner.on(List.of("gh", "api"), c -> exit(4, "HTTP 401: Bad credentials\n"));

        GitHubException e = assertThrows(GitHubException.class, () -> gh().environmentExists("production"));

        assertEquals(GitHubException.Kind.AUTHENTICATION, e.kind());
    }

    @Test
    void otherFailuresCarryStderrOnOneLine() {
        // gh prints "1 error occurred:" and puts the error itself on the next line.
        runner.on(List.of("gh", "api"), c -> exit(1, "1 error occurred:\n\t* gh: Validation Failed (HTTP 422)\n"));

        GitHubException e = assertThrows(GitHubException.class, () -> gh().createVariable("production", "X", "y"));

        assertEquals(GitHubException.Kind.OTHER, e.kind());
        assertTrue(e.getMessage().contains("1 error occurred: * gh: Validation Failed (HTTP 422)"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains("create variable X in production"), e.getMessage());
    }

    @Test
    void redactsKnownValuesInFailures() {
        SecretValue value = SecretValue.of("sk-live-value-0042", redactor);
        runner.on(List.of("gh", "secret", "set"), c -> exit(1, "failed to set sk-live-value-0042\n"));

        GitHubException e = assertThrows(GitHubException.class, () -> gh().setSecret("production", "K", value));

        assertFalse(e.getMessage().contains("sk-live-value-0042"), e.getMessage());
        assertTrue(e.getMessage().contains("failed to set ***"), e.getMessage());
    }

    private static void assertJsonBody(Command command, String name, String value) throws Exception {
        JsonNode body = new ObjectMapper().readTree(command.stdin().orElseThrow());
        assertEquals(2, body.size(), body.toString());
        assertEquals(name, body.path("name").asText());
        assertEquals(value, body.path("value").asText());
    }

    @Test
    void setsManySecretsWithOneDotenvCallOnStdin() throws Exception {
        runner.on(List.of("gh", "secret", "set"), c -> ok(""));
        SecretValue a = SecretValue.of("token-a-0001", redactor);
        SecretValue b = SecretValue.of("p@ss$word-b", redactor);

        Map<String, SecretValue> values = new java.util.LinkedHashMap<>();
        values.put("A", a);
        values.put("B", b);

        Map<String, String> failed = gh().setSecrets("production", values, n -> {});

        assertEquals(Map.of(), failed);
        Command command = runner.commands().get(0);
        assertEquals(List.of("gh", "secret", "set", "-f", "-", "--env", "production", "--repo", REPO), command.argv());
        assertEquals(
                "A='token-a-0001'\nB='p@ss$word-b'\n",
                new String(command.stdin().orElseThrow(), StandardCharsets.UTF_8));
    }

    @Test
    void aBulkSetReportsTheNamesGhSaysFailed() throws Exception {
        runner.on(
                List.of("gh", "secret", "set"),
                c -> exit(
                        1,
                        "1 error occurred:\n\t* failed to set secret \"B\": HTTP 500: Internal Server Error (https://api.github.com/x)\n"));

        Map<String, String> failed = gh().setSecrets(
                        "production",
                        Map.of(
                                "A",
                                SecretValue.of("token-a-0001", redactor),
                                "B",
                                SecretValue.of("token-b-0002", redactor)),
                        n -> {});

        assertEquals(List.of("B"), List.copyOf(failed.keySet()));
        assertTrue(failed.get("B").contains("HTTP 500"), failed.get("B"));
    }

    @Test
    void aBulkFailureGhDoesNotAttributeFailsEveryName() throws Exception {
        runner.on(List.of("gh", "secret", "set"), c -> exit(1, "connection reset\n"));

        Map<String, String> failed = gh().setSecrets(
                        "production",
                        Map.of(
                                "A",
                                SecretValue.of("token-a-0001", redactor),
                                "B",
                                SecretValue.of("token-b-0002", redactor)),
                        n -> {});

        assertEquals(java.util.Set.of("A", "B"), failed.keySet());
    }

    @Test
    void anHttp401IsAnAuthenticationFailureToo() {
        // gh exits 4 only when it has no credentials at all; refused credentials are exit 1 and HTTP 401.
        runner.on(
                List.of("gh", "api"),
                c -> exit(1, "gh: Bad credentials (HTTP 401)\nTry authenticating with:  gh auth login\n"));

        GitHubException e = assertThrows(GitHubException.class, () -> gh().list("production"));

        assertEquals(GitHubException.Kind.AUTHENTICATION, e.kind());
        assertTrue(e.getMessage().contains("GitHub refused gh's credentials (HTTP 401)"), e.getMessage());
    }
}

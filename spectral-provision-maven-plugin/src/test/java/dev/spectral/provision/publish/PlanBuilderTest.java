package dev.spectral.provision.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spectral.provision.config.Environment;
import dev.spectral.provision.github.RemoteState;
import dev.spectral.provision.testing.Configs;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanBuilderTest {

    private static Environment production(String body) {
        return Configs.valid("[production]\n" + body).environment("production").orElseThrow();
    }

    private static RemoteState remote(Map<String, String> variables, String... secrets) {
        Map<String, Instant> names = new HashMap<>();
        for (String name : secrets) {
            names.put(name, Instant.parse("2026-11-01T00:00:00Z"));
        }
        return new RemoteState(names, variables);
    }

    /** Each change as {@code KEY kind action}. */
    private static List<String> summary(List<Change> changes) {
        return changes.stream()
                .map(c -> c.key() + " " + c.kind() + " " + c.action())
                .toList();
    }

    @Test
    void createsUpdatesOrKeepsVariablesByComparingValues() {
        Environment env = production("""
                SAME = "1"
                CHANGED = "new"
                ADDED = "3"
                """);

        List<Change> plan = PlanBuilder.forGitHub(
                env, remote(Map.of("SAME", "1", "CHANGED", "old")), false, SecretFreshness.unknown());

        assertEquals(
                List.of("SAME variable unchanged", "CHANGED variable update", "ADDED variable create"), summary(plan));
        assertEquals(Optional.of("new"), plan.get(1).literal());
        assertEquals(Optional.of("3"), plan.get(2).literal());
        assertTrue(plan.stream().allMatch(c -> c.source().equals(Change.LITERAL)));
    }

    @Test
    void alwaysSetsSecretsSinceTheirValuesCannotBeCompared() {
        Environment env = production("""
                NEW_KEY = "op://Spectral/new/credential"
                OLD_KEY = "op://Spectral/old/credential"
                """);

        List<Change> plan = PlanBuilder.forGitHub(env, remote(Map.of(), "OLD_KEY"), false, SecretFreshness.unknown());

        assertEquals(List.of("NEW_KEY secret set", "OLD_KEY secret set"), summary(plan));
        assertEquals("op://Spectral/new/credential", plan.get(0).source());
        assertTrue(plan.stream().allMatch(c -> c.literal().isEmpty()), "a secret change carries no value");
    }

    @Test
    void listsStaleNamesWithoutPrune() {
        Environment env = production("APP_ENV = \"production\"\n");

        List<Change> plan = PlanBuilder.forGitHub(
                env,
                remote(Map.of("APP_ENV", "production", "OLD_VAR", "x"), "OLD_SECRET"),
                false,
                SecretFreshness.unknown());

        assertEquals(
                List.of("APP_ENV variable unchanged", "OLD_SECRET secret stale", "OLD_VAR variable stale"),
                summary(plan));
        assertEquals(Change.NOT_IN_FILE, plan.get(1).source());
        assertTrue(plan.get(1).note().orElseThrow().contains("spectral.prune"));
    }

    @Test
    void deletesStaleNamesWithPrune() {
        Environment env = production("APP_ENV = \"production\"\n");

        List<Change> plan = PlanBuilder.forGitHub(
                env,
                remote(Map.of("APP_ENV", "production", "OLD_VAR", "x"), "OLD_SECRET"),
                true,
                SecretFreshness.unknown());

        assertEquals(
                List.of("APP_ENV variable unchanged", "OLD_SECRET secret delete", "OLD_VAR variable delete"),
                summary(plan));
    }

    @Test
    void aKeyThatBecameASecretDeletesItsVariable() {
        Environment env = production("API_URL = \"op://Spectral/api/url\"\n");

        List<Change> plan =
                PlanBuilder.forGitHub(env, remote(Map.of("API_URL", "https://old")), false, SecretFreshness.unknown());

        assertEquals(List.of("API_URL secret set", "API_URL variable delete"), summary(plan));
        assertEquals(Optional.of("kind changed to secret"), plan.get(1).note());
    }

    @Test
    void aKeyThatBecameAVariableDeletesItsSecret() {
        Environment env = production("REGION = \"eu-west-1\"\n");

        List<Change> plan = PlanBuilder.forGitHub(env, remote(Map.of(), "REGION"), false, SecretFreshness.unknown());

        assertEquals(List.of("REGION variable create", "REGION secret delete"), summary(plan));
        assertEquals(Optional.of("kind changed to variable"), plan.get(1).note());
    }

    @Test
    void comparesNamesUpperCaseAsGitHubStoresThem() {
        Environment env = production("""
                app_env = "production"
                api_key = "op://Spectral/api/key"
                """);

        List<Change> plan = PlanBuilder.forGitHub(
                env, remote(Map.of("APP_ENV", "production"), "API_KEY"), false, SecretFreshness.unknown());

        assertEquals(List.of("app_env variable unchanged", "api_key secret set"), summary(plan));
    }

    @Test
    void anEmptyRemoteCreatesEverything() {
        Environment env = production("""
                A = "1"
                B = "op://Spectral/b/c"
                """);

        assertEquals(
                List.of("A variable create", "B secret set"),
                summary(PlanBuilder.forGitHub(env, RemoteState.empty(), true, SecretFreshness.unknown())));
    }

    @Test
    void writesEveryKeyOfALocalEnvironment() {
        Environment env = Configs.valid("""
                [dev]
                APP_ENV = "dev"
                API_KEY = "op://Spectral/anthropic-dev/credential"
                """).environment("dev").orElseThrow();

        List<Change> plan = PlanBuilder.forDotEnv(env, false);

        assertEquals(List.of("APP_ENV variable write .env", "API_KEY secret write .env"), summary(plan));
        assertTrue(plan.stream()
                .allMatch(c -> c.action() == Action.WRITE && c.environment().equals("dev")));
        assertEquals("op://Spectral/anthropic-dev/credential", plan.get(1).source());
        assertEquals(Change.LITERAL, plan.get(0).source());
        assertEquals(
                List.of("APP_ENV variable unchanged", "API_KEY secret unchanged"),
                summary(PlanBuilder.forDotEnv(env, true)));
    }

    @Test
    void aSecretGitHubSetWellAfterItsItemChangedIsUnchanged() {
        Environment env = Configs.valid(
                        "[production]\nA = \"op://Spectral/a/f\"\nB = \"op://Spectral/b/f\"\nC = \"op://Spectral/c/f\"\n")
                .environment("production")
                .orElseThrow();
        Instant changed = Instant.parse("2026-11-01T10:00:00Z");
        SecretFreshness freshness = new SecretFreshness(Map.of("spectral", Map.of("a", changed, "b", changed)));
        RemoteState remote = new RemoteState(
                Map.of(
                        "A", changed.plus(SecretFreshness.MARGIN).plusSeconds(1),
                        "B", changed.plus(SecretFreshness.MARGIN).minusSeconds(1),
                        "C", changed.plusSeconds(3600)),
                Map.of());

        List<Change> plan = PlanBuilder.forGitHub(env, remote, false, freshness);

        assertEquals(List.of("A secret unchanged", "B secret set", "C secret set"), summary(plan));
        assertEquals(Optional.of("set after its item last changed"), plan.get(0).note());
    }

    @Test
    void forcingWritesEverySecret() {
        Environment env = Configs.valid("[production]\nA = \"op://Spectral/a/f\"\n")
                .environment("production")
                .orElseThrow();
        RemoteState remote = new RemoteState(Map.of("A", Instant.parse("2026-11-02T00:00:00Z")), Map.of());

        assertEquals(
                List.of("A secret set"), summary(PlanBuilder.forGitHub(env, remote, false, SecretFreshness.unknown())));
    }
}

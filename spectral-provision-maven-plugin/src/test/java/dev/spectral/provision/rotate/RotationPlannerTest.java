package dev.spectral.provision.rotate;

import static dev.spectral.provision.testing.References.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spectral.generators.GeneratorRegistry;
import dev.spectral.provision.config.Config;
import dev.spectral.provision.testing.Configs;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RotationPlannerTest {

    /**
     * {@code dev} and {@code sandbox} are local. {@code dev} comes first and has its own items;
     * {@code sandbox} reads the shared API key item; {@code qa} points API_KEY elsewhere.
     */
    private static final Config CONFIG = Configs.valid("""
            [dev]
            API_KEY = "op://Spectral/anthropic-dev/credential"
            SIGNING_KEY = "op://Spectral/signing-dev/jwk"
            DB_PASSWORD = "op://Spectral/db-dev/password"

            [production]
            API_KEY = "op://Spectral/anthropic/credential"
            SIGNING_KEY = "op://Spectral/signing/jwk"
            DB_PASSWORD = "op://Spectral/db-production/password"
            VENDOR_TOKEN = "op://Spectral/vendor/token"
            LOG_LEVEL = "info"

            [sandbox]
            API_KEY = "op://spectral/ANTHROPIC/credential"

            [staging]
            API_KEY = "op://Spectral/anthropic/credential"
            SIGNING_KEY = "op://Spectral/signing/jwk"
            DB_PASSWORD = "op://Spectral/db-staging/password"
            LOG_LEVEL = "debug"

            [qa]
            API_KEY = "op://Spectral/anthropic-qa/credential"

            [preview]
            API_KEY = "op://Spectral/Anthropic/Credential"
            DB_PASSWORD = "op://Spectral/db-preview/password"

            [rotation]
            API_KEY = "random-token:shared"
            SIGNING_KEY = "es256-jwk:shared"
            DB_PASSWORD = "password:per-env"
            VENDOR_TOKEN = "prompt:shared"
            LOG_LEVEL = "random-token:per-env"
            WEBHOOK_SECRET = "hex-token:shared"
            """);

    private static final Set<String> LOCAL = Set.of("dev", "sandbox");
    private static final List<String> BUILT_IN_IDS =
            List.of("ed25519-jwk", "es256-jwk", "password", "random-token", "rsa-jwk");

    private static GeneratorRegistry generators;

    @BeforeAll
    static void loadGenerators() throws Exception {
        generators = GeneratorRegistry.load(RotationPlannerTest.class.getClassLoader());
    }

    private static RotationPlan plan(String key, Optional<String> env) throws RotationException {
        return RotationPlanner.plan(CONFIG, key, env, generators, LOCAL);
    }

    private static RotationException refused(String key, Optional<String> env) {
        RotationException e = assertThrows(RotationException.class, () -> plan(key, env));
        assertEquals(RotationException.Cause.CONFIGURATION, e.reason(), e.getMessage());
        return e;
    }

    // ---- refusals ---------------------------------------------------------------------------

    @Test
    void aKeyWithoutASpecShowsTheRotationLineToAdd() {
        RotationException e = refused("CF_TOKEN", Optional.empty());

        assertTrue(e.getMessage().contains(Configs.FILE), e.getMessage());
        assertTrue(e.getMessage().contains("[rotation]\n  CF_TOKEN = \""), e.getMessage());
        for (String id : BUILT_IN_IDS) {
            assertTrue(e.getMessage().contains(id), id + " in " + e.getMessage());
        }
    }

    @Test
    void aPerEnvKeyWithoutAnEnvironmentListsTheEnvironmentsThatReferenceIt() {
        RotationException e = refused("DB_PASSWORD", Optional.empty());

        assertTrue(e.getMessage().contains("-Denv"), e.getMessage());
        assertTrue(e.getMessage().contains("dev, production, staging, preview"), e.getMessage());
        assertFalse(e.getMessage().contains("sandbox"), e.getMessage());
    }

    @Test
    void aPerEnvKeyWithAnEnvironmentThatDoesNotReferenceItIsRefused() {
        RotationException e = refused("DB_PASSWORD", Optional.of("sandbox"));

        assertTrue(e.getMessage().contains("'sandbox'"), e.getMessage());
        assertTrue(e.getMessage().contains("dev, production, staging, preview"), e.getMessage());
    }

    @Test
    void aPerEnvKeyWithAnEnvironmentThatDoesNotExistIsRefused() {
        RotationException e = refused("DB_PASSWORD", Optional.of("prod"));

        assertTrue(e.getMessage().contains("'prod'"), e.getMessage());
        assertTrue(e.getMessage().contains("production"), e.getMessage());
    }

    @Test
    void aPerEnvKeyThatIsALiteralThereIsRefused() {
        RotationException e = refused("LOG_LEVEL", Optional.of("production"));

        assertTrue(e.getMessage().contains("'production' does not reference LOG_LEVEL"), e.getMessage());
    }

    @Test
    void aSharedKeyWithAnEnvironmentIsRefused() {
        RotationException e = refused("API_KEY", Optional.of("production"));

        assertTrue(e.getMessage().contains("shared"), e.getMessage());
        assertTrue(e.getMessage().contains("-Denv does not apply"), e.getMessage());
    }

    @Test
    void anUnknownGeneratorListsTheKnownIds() {
        RotationException e = refused("WEBHOOK_SECRET", Optional.empty());

        assertTrue(e.getMessage().contains("'hex-token'"), e.getMessage());
        for (String id : BUILT_IN_IDS) {
            assertTrue(e.getMessage().contains(id), id + " in " + e.getMessage());
        }
    }

    // ---- targets ----------------------------------------------------------------------------

    @Test
    void aSharedKeyTargetsThePublishedReferenceAndRepublishesExactlyThePublishedEnvironmentsThatReadIt()
            throws RotationException {
        RotationPlan plan = plan("API_KEY", Optional.empty());

        assertEquals(ref("op://Spectral/anthropic/credential"), plan.target());
        assertEquals("Spectral/anthropic/credential", plan.targetPath());
        assertEquals(List.of("production", "staging", "preview"), plan.republish());
        assertEquals(List.of("sandbox"), plan.localEnvironments());
        assertEquals(Optional.empty(), plan.environment());
        assertEquals(
                Optional.of(generators.find("random-token").orElseThrow().description()), plan.generatorDescription());
    }

    @Test
    void aPerEnvKeyTargetsThatEnvironmentsItemOnly() throws RotationException {
        RotationPlan plan = plan("DB_PASSWORD", Optional.of("staging"));

        assertEquals(ref("op://Spectral/db-staging/password"), plan.target());
        assertEquals(List.of("staging"), plan.republish());
        assertEquals(List.of(), plan.localEnvironments());
        assertEquals(Optional.of("staging"), plan.environment());
    }

    @Test
    void aPerEnvKeyOfALocalEnvironmentRepublishesNothingAndRefreshesTheDotEnv() throws RotationException {
        RotationPlan plan = plan("DB_PASSWORD", Optional.of("dev"));

        assertEquals(ref("op://Spectral/db-dev/password"), plan.target());
        assertEquals(List.of(), plan.republish());
        assertEquals(List.of("dev"), plan.localEnvironments());
    }

    @Test
    void aPromptKeyHasNoGeneratorDescription() throws RotationException {
        RotationPlan plan = plan("VENDOR_TOKEN", Optional.empty());

        assertEquals(Optional.empty(), plan.generatorDescription());
        assertEquals(List.of("production"), plan.republish());
    }

    // ---- follow-ups -------------------------------------------------------------------------

    @Test
    void followUpsOfAGeneratedSharedKey() throws RotationException {
        List<String> steps = plan("API_KEY", Optional.empty()).followUps();

        assertTrue(
                steps.stream().anyMatch(s -> s.startsWith("Redeploy production, staging, preview ")), steps.toString());
        assertTrue(steps.stream().anyMatch(s -> s.startsWith("Recycle") && s.contains("API_KEY")), steps.toString());
        assertTrue(steps.contains("Refresh the local .env: mvn spectral:provision -Denv=sandbox"), steps.toString());
        assertFalse(steps.stream().anyMatch(s -> s.contains("Revoke")), steps.toString());
        assertFalse(steps.stream().anyMatch(s -> s.contains("public key")), steps.toString());
    }

    @Test
    void followUpsOfAJwkKeyNameItsPublicKeySet() throws RotationException {
        List<String> steps = plan("SIGNING_KEY", Optional.empty()).followUps();

        assertTrue(
                steps.stream().anyMatch(s -> s.contains("Verifiers read the public key set SIGNING_KEY_JWKS")),
                steps.toString());
        assertTrue(steps.stream().anyMatch(s -> s.startsWith("Redeploy production, staging ")), steps.toString());
        assertTrue(steps.stream().anyMatch(s -> s.startsWith("Recycle")), steps.toString());
        assertFalse(steps.stream().anyMatch(s -> s.contains("Revoke")), steps.toString());
    }

    @Test
    void followUpsOfAPromptKeyAddRevokingTheOldValue() throws RotationException {
        List<String> steps = plan("VENDOR_TOKEN", Optional.empty()).followUps();

        assertTrue(steps.stream().anyMatch(s -> s.startsWith("Revoke the old value")), steps.toString());
        assertTrue(steps.stream().anyMatch(s -> s.startsWith("Redeploy production ")), steps.toString());
        assertTrue(steps.stream().anyMatch(s -> s.startsWith("Recycle")), steps.toString());
        assertFalse(steps.stream().anyMatch(s -> s.contains("public key")), steps.toString());
    }

    @Test
    void followUpsOfAPasswordKeyHaveNoJwkNoteAndNoRevoke() throws RotationException {
        List<String> steps = plan("DB_PASSWORD", Optional.of("production")).followUps();

        assertTrue(steps.stream().anyMatch(s -> s.startsWith("Recycle")), steps.toString());
        assertFalse(steps.stream().anyMatch(s -> s.contains("public key") || s.contains("Revoke")), steps.toString());
    }

    /** A rotation that republishes nothing (a local environment's own item) has nothing to redeploy. */
    @Test
    void followUpsNeverAskToRedeployAnEmptyListOfEnvironments() throws RotationException {
        List<String> steps = plan("DB_PASSWORD", Optional.of("dev")).followUps();

        assertFalse(steps.stream().anyMatch(s -> s.startsWith("Redeploy  ")), steps.toString());
        assertTrue(steps.contains("Refresh the local .env: mvn spectral:provision -Denv=dev"), steps.toString());
    }

    @Test
    void theRenderedPlanShowsTargetStateAndRepublish() throws RotationException {
        List<String> lines = plan("API_KEY", Optional.empty()).render("item exists, version 4", List.of());

        String text = String.join("\n", lines);
        assertTrue(text.contains("Spectral/anthropic/credential (item exists, version 4)"), text);
        assertTrue(text.contains("republish:    production, staging, preview"), text);
        assertTrue(text.contains("random-token - "), text);
    }
}

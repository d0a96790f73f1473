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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which units a selection makes: named keys, all, all of one environment, an item, a vault. */
class RotationSelectionTest {

    /** {@code dev} is local and reads its own signing key; production reads DB_URL (no spec) from the DB_PASSWORD item. */
    private static final Config CONFIG = Configs.valid("""
            [dev]
            API_KEY = "op://Spectral/anthropic-dev/credential"
            SIGNING_KEY = "op://Spectral/signing-dev/jwk"
            DB_PASSWORD = "op://Spectral/db-dev/password"

            [production]
            API_KEY = "op://Spectral/anthropic-production/credential"
            SIGNING_KEY = "op://Spectral/signing/jwk"
            DB_PASSWORD = "op://Spectral/db-production/password"
            DB_URL = "op://Spectral/db-production/url"
            CF_TOKEN = "op://Spectral/cloudflare/api-token"
            DEPLOY_KEY = "op://Ops/deploy/key"
            LOG_LEVEL = "info"

            [staging]
            API_KEY = "op://Spectral/anthropic-staging/credential"
            SIGNING_KEY = "op://Spectral/signing/jwk"
            DB_PASSWORD = "op://Spectral/db-staging/password"
            CF_TOKEN = "op://Spectral/cloudflare/api-token"

            [rotation]
            SIGNING_KEY = "es256-jwk:shared"
            API_KEY = "prompt:per-env"
            DB_PASSWORD = "password:per-env"
            CF_TOKEN = "prompt:shared"
            DEPLOY_KEY = "random-token:shared"
            """);

    /** Two keys read one field. */
    private static final Config TWINS = Configs.valid("""
            [production]
            SESSION_A = "op://Spectral/session/secret"
            SESSION_B = "op://spectral/Session/SECRET"
            OTHER = "op://Spectral/other/secret"

            [rotation]
            SESSION_A = "random-token:shared"
            SESSION_B = "random-token:shared"
            OTHER = "random-token:shared"
            """);

    private static final Set<String> LOCAL = Set.of("dev");

    private static GeneratorRegistry generators;

    @BeforeAll
    static void loadGenerators() throws Exception {
        generators = GeneratorRegistry.load(RotationSelectionTest.class.getClassLoader());
    }

    private static UnitSelector.Selected select(Config config, String key, String item, String vault, String env)
            throws RotationException {
        Selection selection = Selection.of(
                Optional.ofNullable(key),
                Optional.ofNullable(item),
                Optional.ofNullable(vault),
                Optional.ofNullable(env));
        return UnitSelector.select(config, selection, generators, LOCAL);
    }

    private static List<String> labels(UnitSelector.Selected selected) {
        return selected.units().stream().map(RotationPlan::label).toList();
    }

    private static RotationException refused(Config config, String key, String item, String vault, String env) {
        RotationException e = assertThrows(RotationException.class, () -> select(config, key, item, vault, env));
        assertEquals(RotationException.Cause.CONFIGURATION, e.reason(), e.getMessage());
        return e;
    }

    // ---- named keys -------------------------------------------------------------------------

    @Test
    void aListOfKeysIsPlannedKeyByKeyInTheOrderGiven() throws RotationException {
        UnitSelector.Selected selected = select(CONFIG, "CF_TOKEN, SIGNING_KEY,CF_TOKEN", null, null, null);

        assertEquals(List.of("CF_TOKEN", "SIGNING_KEY"), labels(selected), "in order, each once");
        assertEquals(List.of("production", "staging"), selected.units().get(0).republish());
        assertEquals(List.of(), selected.untouched(), "named keys have no blast radius to report");
    }

    @Test
    void namedPerEnvKeysTakeTheEnvironment() throws RotationException {
        UnitSelector.Selected selected = select(CONFIG, "API_KEY,DB_PASSWORD", null, null, "staging");

        assertEquals(List.of("API_KEY [staging]", "DB_PASSWORD [staging]"), labels(selected));
        assertEquals(
                ref("op://Spectral/db-staging/password"),
                selected.units().get(1).target());
    }

    @Test
    void aNamedSharedKeyWithAnEnvironmentIsStillRefused() {
        RotationException e = refused(CONFIG, "API_KEY,SIGNING_KEY", null, null, "staging");

        assertTrue(e.getMessage().startsWith("SIGNING_KEY is shared"), e.getMessage());
        assertTrue(e.getMessage().contains("-Denv does not apply"), e.getMessage());
    }

    @Test
    void aNamedPerEnvKeyWithoutAnEnvironmentIsStillRefused() {
        RotationException e = refused(CONFIG, "SIGNING_KEY,DB_PASSWORD", null, null, null);

        assertEquals(
                "DB_PASSWORD is rotated per environment: pass -Denv=<name>, one of: dev, production, staging",
                e.getMessage());
    }

    // ---- all --------------------------------------------------------------------------------

    @Test
    void allTakesEverySpecAndEachPerEnvKeyInEveryEnvironmentThatReferencesIt() throws RotationException {
        UnitSelector.Selected selected = select(CONFIG, "all", null, null, null);

        assertEquals(
                List.of(
                        "SIGNING_KEY",
                        "API_KEY [dev]",
                        "API_KEY [production]",
                        "API_KEY [staging]",
                        "DB_PASSWORD [dev]",
                        "DB_PASSWORD [production]",
                        "DB_PASSWORD [staging]",
                        "CF_TOKEN",
                        "DEPLOY_KEY"),
                labels(selected));
        assertEquals(
                List.of(
                        "DB_URL [production] reads op://Spectral/db-production/url: no [rotation] spec",
                        "SIGNING_KEY [dev] reads op://Spectral/signing-dev/jwk: the shared rotation of SIGNING_KEY writes another item"),
                selected.untouched().stream().map(Untouched::describe).sorted().toList());
    }

    @Test
    void allOfOneEnvironmentTakesTheSharedKeysItReadsAndItsOwnPerEnvKeys() throws RotationException {
        UnitSelector.Selected selected = select(CONFIG, "all", null, null, "production");

        assertEquals(
                List.of("SIGNING_KEY", "API_KEY [production]", "DB_PASSWORD [production]", "CF_TOKEN", "DEPLOY_KEY"),
                labels(selected));
        assertEquals(
                List.of("production", "staging"),
                selected.units().get(0).republish(),
                "a shared key republishes all its readers");
        assertEquals(
                List.of("DB_URL [production] reads op://Spectral/db-production/url: no [rotation] spec"),
                selected.untouched().stream().map(Untouched::describe).toList());
    }

    @Test
    void allOfALocalEnvironmentLeavesTheSharedKeyItDoesNotReadAndSaysSo() throws RotationException {
        UnitSelector.Selected selected = select(CONFIG, "all", null, null, "dev");

        assertEquals(List.of("API_KEY [dev]", "DB_PASSWORD [dev]"), labels(selected));
        assertEquals(List.of(), selected.units().get(0).republish());
        assertEquals(
                List.of(
                        "SIGNING_KEY [dev] reads op://Spectral/signing-dev/jwk: the shared rotation of SIGNING_KEY writes another item"),
                selected.untouched().stream().map(Untouched::describe).toList());
    }

    // ---- item and vault ---------------------------------------------------------------------

    @Test
    void anItemSelectsExactlyTheRotatableKeysThatReadItAndListsTheOthers() throws RotationException {
        UnitSelector.Selected selected = select(CONFIG, null, "spectral/DB-Production", null, null);

        assertEquals(List.of("DB_PASSWORD [production]"), labels(selected), "matched as 1Password does: ignoring case");
        assertEquals(
                List.of("DB_URL [production] reads op://Spectral/db-production/url: no [rotation] spec"),
                selected.untouched().stream().map(Untouched::describe).toList());
    }

    @Test
    void anItemReadBySeveralEnvironmentsIsOneSharedUnit() throws RotationException {
        UnitSelector.Selected selected = select(CONFIG, null, "Spectral/cloudflare", null, null);

        assertEquals(List.of("CF_TOKEN"), labels(selected));
        assertEquals(List.of("production", "staging"), selected.units().get(0).republish());
    }

    @Test
    void aVaultSelectsEveryRotatableKeyThatReadsIt() throws RotationException {
        assertEquals(List.of("DEPLOY_KEY"), labels(select(CONFIG, null, null, "ops", null)));
        assertEquals(
                List.of(
                        "SIGNING_KEY",
                        "API_KEY [dev]",
                        "API_KEY [production]",
                        "API_KEY [staging]",
                        "DB_PASSWORD [dev]",
                        "DB_PASSWORD [production]",
                        "DB_PASSWORD [staging]",
                        "CF_TOKEN"),
                labels(select(CONFIG, null, null, "Spectral", null)));
    }

    @Test
    void aSelectorNarrowedByAnEnvironment() throws RotationException {
        assertEquals(
                List.of("API_KEY [staging]", "DB_PASSWORD [staging]", "SIGNING_KEY", "CF_TOKEN").stream()
                        .sorted()
                        .toList(),
                labels(select(CONFIG, null, null, "Spectral", "staging")).stream()
                        .sorted()
                        .toList());
    }

    @Test
    void aSelectorThatMatchesNothingSaysWhatTheRotatableKeysRead() {
        RotationException e = refused(CONFIG, null, "Spectral/signing", null, "dev");

        assertTrue(
                e.getMessage().startsWith("no rotatable key matches -Dspectral.rotate.item=Spectral/signing -Denv=dev"),
                e.getMessage());
        assertTrue(
                e.getMessage().contains("the rotatable keys of dev read Spectral/anthropic-dev, Spectral/db-dev"),
                e.getMessage());
        assertTrue(e.getMessage().contains("nothing was written"), e.getMessage());
    }

    @Test
    void anUnknownEnvironmentWithASelectorIsRefused() {
        RotationException e = refused(CONFIG, "all", null, null, "prod");

        assertTrue(e.getMessage().contains("unknown environment 'prod'"), e.getMessage());
        assertTrue(e.getMessage().contains("dev, production, staging"), e.getMessage());
    }

    // ---- one field, one unit ----------------------------------------------------------------

    @Test
    void twoNamedKeysWritingOneFieldAreRefusedNamingBoth() {
        RotationException e = refused(TWINS, "SESSION_A,OTHER,SESSION_B", null, null, null);

        assertTrue(
                e.getMessage().startsWith("SESSION_A and SESSION_B both write spectral/Session/SECRET in 1Password"),
                e.getMessage());
    }

    @Test
    void twoKeysOfASelectorWritingOneFieldAreRefusedToo() {
        RotationException e = refused(TWINS, "all", null, null, null);

        assertTrue(e.getMessage().contains("SESSION_A and SESSION_B both write"), e.getMessage());
    }

    // ---- the parameters ---------------------------------------------------------------------

    @Test
    void withoutASelectorTheMessageNamesAllFourWays() {
        RotationException e = assertThrows(
                RotationException.class,
                () -> Selection.of(Optional.empty(), Optional.of(" "), Optional.empty(), Optional.of("production")));

        assertEquals(RotationException.Cause.CONFIGURATION, e.reason());
        for (String way : List.of(
                "-Dkey=KEY",
                "-Dkey=A,B,C",
                "-Dkey=all",
                "-Dspectral.rotate.item=VAULT/ITEM",
                "-Dspectral.rotate.vault=VAULT")) {
            assertTrue(e.getMessage().contains(way), way + " in " + e.getMessage());
        }
    }

    @Test
    void twoSelectorsAreRefused() {
        RotationException e = assertThrows(
                RotationException.class,
                () -> Selection.of(Optional.of("all"), Optional.empty(), Optional.of("Spectral"), Optional.empty()));

        assertTrue(
                e.getMessage().contains("only one of -Dkey, -Dspectral.rotate.item and -Dspectral.rotate.vault"),
                e.getMessage());
    }

    @Test
    void allCannotBeMixedWithNamedKeys() {
        RotationException e = assertThrows(
                RotationException.class,
                () -> Selection.of(Optional.of("all,API_KEY"), Optional.empty(), Optional.empty(), Optional.empty()));

        assertTrue(e.getMessage().contains("-Dkey=all"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Spectral", "Spectral/", "/item", "Spectral/item/field"})
    void anItemMustBeVaultSlashItem(String item) {
        RotationException e = assertThrows(
                RotationException.class,
                () -> Selection.of(Optional.empty(), Optional.of(item), Optional.empty(), Optional.empty()));

        assertTrue(e.getMessage().contains("must be VAULT/ITEM"), e.getMessage());
    }

    @Test
    void theSelectionAsTyped() throws RotationException {
        assertEquals(
                "-Dkey=A,B",
                Selection.of(Optional.of("A, B"), Optional.empty(), Optional.empty(), Optional.empty())
                        .text());
        assertEquals(
                "-Dkey=all -Denv=production",
                Selection.of(Optional.of("all"), Optional.empty(), Optional.empty(), Optional.of("production"))
                        .text());
        assertEquals(
                "-Dspectral.rotate.item=Spectral/cloudflare",
                Selection.of(Optional.empty(), Optional.of("Spectral/cloudflare"), Optional.empty(), Optional.empty())
                        .text());
        assertEquals(
                "-Dspectral.rotate.vault=Ops -Denv=staging",
                Selection.of(Optional.empty(), Optional.empty(), Optional.of("Ops"), Optional.of("staging"))
                        .text());
        assertFalse(Selection.key("A", Optional.empty()).all());
    }
}

package dev.spectral.provision.keyset;

import static dev.spectral.provision.testing.References.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.Entry;
import dev.spectral.provision.config.Environment;
import dev.spectral.provision.config.OpReference;
import dev.spectral.provision.secret.Redactor;
import dev.spectral.provision.secret.SecretValue;
import dev.spectral.provision.testing.Configs;
import dev.spectral.provision.testing.FakeOnePassword;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sets provision publishes, derived from the private keys and what 1Password keeps beside them. */
class KeySetsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Config CONFIG = Configs.valid("""
            [production]
            APP_ENV = "production"
            SIGNING_KEY = "op://Spectral/signing-key/jwk"
            TOKEN = "op://Spectral/token/credential"

            [staging]
            SIGNING_KEY = "op://Spectral/signing-key-staging/jwk"

            [rotation]
            SIGNING_KEY = "es256-jwk:per-env"
            TOKEN = "random-token:shared"
            """);
    private static final OpReference PRODUCTION_KEY = ref("op://Spectral/signing-key/jwk");
    private static final OpReference STAGING_KEY = ref("op://Spectral/signing-key-staging/jwk");

    private final Redactor redactor = new Redactor();
    private final FakeOnePassword op = new FakeOnePassword(redactor);
    private final KeySets keySets = new KeySets(id -> id.endsWith("-jwk"), op, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void eachEnvironmentGetsTheSetOfTheKeyItReadsRightAfterTheKey() throws Exception {
        ECKey production = newKey();
        ECKey staging = newKey();
        op.put(PRODUCTION_KEY.toString(), production.toJSONString());
        op.put(STAGING_KEY.toString(), staging.toJSONString());

        KeySets.Derived derived = keySets.derive(CONFIG, CONFIG.environments(), values());

        assertEquals(List.of(), derived.problems());
        Environment prod = derived.environments().get(0);
        assertEquals(
                List.of("APP_ENV", "SIGNING_KEY", "SIGNING_KEY_JWKS", "TOKEN"),
                prod.entries().stream().map(Entry::key).toList());
        assertEquals(List.of(production.computeThumbprint().toString()), kids(set(prod)));
        assertEquals(
                List.of(staging.computeThumbprint().toString()),
                kids(set(derived.environments().get(1))));
    }

    @Test
    void keptSetsAreReadInOneResolutionAndRetiredKeysLeaveWhenTheirTimeHasCome() throws Exception {
        ECKey current = newKey();
        ECKey retiring = newKey();
        ECKey expired = newKey();
        op.put(PRODUCTION_KEY.toString(), current.toJSONString());
        op.put(STAGING_KEY.toString(), current.toJSONString());
        String kept = KeySet.empty()
                .withSigningKey(PublicJwk.of(expired.toJSONString()))
                .withSigningKey(PublicJwk.of(retiring.toJSONString()))
                .withSigningKey(PublicJwk.of(current.toJSONString()))
                .retiring(expired.computeThumbprint().toString(), NOW)
                .retiring(retiring.computeThumbprint().toString(), NOW.plusSeconds(1))
                .stored();
        op.put("op://Spectral/signing-key/jwk-jwks", kept);
        op.put("op://Spectral/signing-key-staging/jwk-jwks", kept);
        Map<OpReference, SecretValue> values = values();
        int resolvesBefore = op.resolveCalls().size();

        KeySets.Derived derived = keySets.derive(CONFIG, CONFIG.environments(), values);

        assertEquals(
                List.of(
                        current.computeThumbprint().toString(),
                        retiring.computeThumbprint().toString()),
                kids(set(derived.environments().get(0))));
        assertEquals(1, op.resolveCalls().size() - resolvesBefore, "one op run for every set");
        assertEquals(0, op.versionCalls(), "no item read when every set resolves");
    }

    @Test
    void whenSomeKeyHasNoKeptSetEachItemIsReadOnce() throws Exception {
        ECKey key = newKey();
        op.put(PRODUCTION_KEY.toString(), key.toJSONString());
        op.put(STAGING_KEY.toString(), key.toJSONString());
        op.put(
                "op://Spectral/signing-key/jwk-jwks",
                KeySet.empty()
                        .withSigningKey(PublicJwk.of(newKey().toJSONString()))
                        .stored());

        KeySets.Derived derived = keySets.derive(CONFIG, CONFIG.environments(), values());

        assertEquals(2, kids(set(derived.environments().get(0))).size(), "production's kept set and its key");
        assertEquals(1, kids(set(derived.environments().get(1))).size(), "staging has no kept set yet");
        assertEquals(2, op.versionCalls(), "one item read per key item after the one resolution failed");
    }

    @Test
    void aKeyThatIsNotAJwkGetsNoSetAndAProblemThatNamesItWithoutItsValue() throws Exception {
        op.put(PRODUCTION_KEY.toString(), "not-a-jwk-but-a-secret-42");
        op.put(STAGING_KEY.toString(), newKey().toJSONString());

        KeySets.Derived derived = keySets.derive(CONFIG, CONFIG.environments(), values());

        assertEquals(1, derived.problems().size());
        KeySets.Problem problem = derived.problems().get(0);
        assertEquals("production", problem.environment());
        assertTrue(
                problem.line().contains("SIGNING_KEY: no key set is published: the private key is not JSON"),
                problem.line());
        assertTrue(problem.line().contains("mvn spectral:rotate -Dkey=SIGNING_KEY"), problem.line());
        assertTrue(!problem.line().contains("secret-42"), problem.line());
        assertTrue(derived.environments().get(0).entry("SIGNING_KEY_JWKS").isEmpty());
        assertTrue(derived.environments().get(1).entry("SIGNING_KEY_JWKS").isPresent());
    }

    @Test
    void aKeyNamedByAnotherKidThanItsThumbprintIsPublishedAndTold() throws Exception {
        op.put(
                PRODUCTION_KEY.toString(),
                new ECKeyGenerator(Curve.P_256).keyID("2024-key").generate().toJSONString());
        op.put(STAGING_KEY.toString(), newKey().toJSONString());

        KeySets.Derived derived = keySets.derive(CONFIG, CONFIG.environments(), values());

        assertEquals(1, derived.problems().size());
        assertTrue(derived.problems().get(0).message().contains("names itself '2024-key'"));
        assertTrue(derived.environments().get(0).entry("SIGNING_KEY_JWKS").isPresent());
    }

    @Test
    void withoutJwkGeneratorsTheEnvironmentsAreAsWritten() throws Exception {
        KeySets none = KeySets.none(op);

        assertEquals(
                CONFIG.environments(),
                none.derive(CONFIG, CONFIG.environments(), Map.of()).environments());
        assertEquals(List.of(), none.keys(CONFIG));
        assertEquals(List.of("SIGNING_KEY"), keySets.keys(CONFIG));
    }

    private Map<OpReference, SecretValue> values() throws Exception {
        return op.resolve(List.of(PRODUCTION_KEY, STAGING_KEY));
    }

    private static ECKey newKey() throws Exception {
        return new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
    }

    private static JWKSet set(Environment environment) throws Exception {
        String json =
                environment.entry("SIGNING_KEY_JWKS").orElseThrow().literal().orElseThrow();
        assertEquals(
                Optional.empty(),
                Optional.ofNullable(new ObjectMapper().readTree(json).get("retire")));
        return JWKSet.parse(json);
    }

    private static List<String> kids(JWKSet set) {
        return set.getKeys().stream().map(JWK::getKeyID).toList();
    }
}

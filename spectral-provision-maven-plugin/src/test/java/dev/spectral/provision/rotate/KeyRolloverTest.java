package dev.spectral.provision.rotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.spectral.generators.GeneratorRegistry;
import dev.spectral.provision.config.Age;
import dev.spectral.provision.config.Config;
import dev.spectral.provision.keyset.KeySets;
import dev.spectral.provision.keyset.PublicJwk;
import dev.spectral.provision.publish.DotEnvWriter;
import dev.spectral.provision.publish.ProvisionRequest;
import dev.spectral.provision.publish.Provisioner;
import dev.spectral.provision.report.RotationRecord;
import dev.spectral.provision.secret.Redactor;
import dev.spectral.provision.testing.Configs;
import dev.spectral.provision.testing.FakeGitHub;
import dev.spectral.provision.testing.FakeOnePassword;
import dev.spectral.provision.testing.NoValueLeaks;
import dev.spectral.provision.testing.RecordingLog;
import dev.spectral.provision.testing.ScriptedRunner;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Key rollover end to end, judged by an independent verifier: nimbus-jose-jwt reads the key set as
 * GitHub holds it and verifies tokens signed with the private keys as 1Password and GitHub hold them.
 * The plugin builds its sets with its own code (no nimbus), so the two can disagree.
 */
class KeyRolloverTest {

    private static final String TOML = """
            [production]
            SIGNING_KEY = "op://Spectral/signing-key/jwk"

            [staging]
            SIGNING_KEY = "op://Spectral/signing-key/jwk"

            [rotation]
            SIGNING_KEY = "%s:shared:90d"
            """;
    private static final ProvisionRequest PUBLISHING =
            new ProvisionRequest("", Set.of(), Path.of("/nonexistent/.env"), Set.of());
    private static final Age WEEK = Age.parse("7d").orElseThrow();

    private final Redactor redactor = new Redactor();
    private final FakeOnePassword op = new FakeOnePassword(redactor);
    private final FakeGitHub github = new FakeGitHub("production", "staging");
    private final RecordingLog log = new RecordingLog(true);
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private GeneratorRegistry generators;

    @BeforeEach
    void setUp() throws Exception {
        generators = GeneratorRegistry.load(getClass().getClassLoader());
    }

    @AfterEach
    void noPrivateKeyLeaked() {
        pool.shutdownNow();
        for (String privateKey : privateKeysEverStored()) {
            for (String member : privateMemberValues(privateKey)) {
                log.lines().forEach(line -> NoValueLeaks.assertNoStretchOf(member, line, "log line"));
                github.variables
                        .values()
                        .forEach(vars -> vars.values()
                                .forEach(value -> NoValueLeaks.assertNoStretchOf(member, value, "GitHub variable")));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"es256-jwk", "rsa-jwk"})
    void tokensOfTheOldAndTheNewKeyVerifyAfterARotation(String generator) throws Exception {
        Config config = config(generator);
        String old = privateKey(generator);
        op.put("op://Spectral/signing-key/jwk", old);

        RotationOutcome outcome = rotate(config, new RolloverOptions(false, WEEK));

        String current = github.secret("production", "SIGNING_KEY");
        assertFalse(current.equals(old), "a new key signs");
        UnitResult.KeySetChange change = outcome.units().get(0).keySet().orElseThrow();
        assertEquals("one phase", change.phase());
        assertEquals(List.of(kid(old)), change.kidsBefore());
        assertEquals(List.of(kid(current), kid(old)), change.kidsAfter());
        assertTrue(
                RotationRecord.markdown(outcome, Optional.empty())
                        .contains("Key set `SIGNING_KEY_JWKS` (one phase): " + kid(old) + " -> " + kid(current) + ", "
                                + kid(old)),
                "the incident record tells the rollover by key ids");
        assertEquals(current, op.valueOf(ref("op://Spectral/signing-key/jwk")));
        for (String env : List.of("production", "staging")) {
            JWKSet set = publishedSet(env);
            assertTrue(verifies(sign(old), set), env + ": a token of the old key still verifies");
            assertTrue(verifies(sign(current), set), env + ": a token of the new key verifies");
            assertNoPrivateMember(env);
        }
        assertEquals(List.of(kid(current), kid(old)), kids(publishedSet("production")), "newest first");
    }

    @Test
    void afterTheRetentionPeriodAndAnotherRotationTheOldestKeyIsGone() throws Exception {
        Config config = config("es256-jwk");
        String first = privateKey("es256-jwk");
        op.put("op://Spectral/signing-key/jwk", first);
        rotate(config, new RolloverOptions(false, WEEK));
        String second = github.secret("production", "SIGNING_KEY");

        clock.advance(Duration.ofDays(8));
        rotate(config, new RolloverOptions(false, WEEK));
        String third = github.secret("production", "SIGNING_KEY");

        JWKSet set = publishedSet("production");
        assertEquals(List.of(kid(third), kid(second)), kids(set));
        assertFalse(verifies(sign(first), set), "the first key left the set");
        assertTrue(verifies(sign(second), set), "the second key stays for its retention period");
        assertTrue(verifies(sign(third), set));
        assertFalse(
                op.valueOf(ref("op://Spectral/signing-key/jwk-jwks")).contains(kid(first)),
                "1Password's set forgot the first key too");
        assertNoPrivateMember("production");
    }

    @Test
    void aProvisionAfterTheRetentionPeriodDropsTheRetiredKey() throws Exception {
        Config config = config("es256-jwk");
        String first = privateKey("es256-jwk");
        op.put("op://Spectral/signing-key/jwk", first);
        rotate(config, new RolloverOptions(false, WEEK));
        assertEquals(2, kids(publishedSet("staging")).size());

        clock.advance(Duration.ofDays(7).plusSeconds(1));
        provisioner().provision(config, PUBLISHING.forEnvironments("staging"));

        assertEquals(List.of(kid(github.secret("staging", "SIGNING_KEY"))), kids(publishedSet("staging")));
        assertEquals(2, kids(publishedSet("production")).size(), "production was not provisioned");
    }

    @Test
    void aRetentionOfZeroDropsTheOldKeyAtOnce() throws Exception {
        Config config = config("es256-jwk");
        String compromised = privateKey("es256-jwk");
        op.put("op://Spectral/signing-key/jwk", compromised);

        RotationOutcome outcome =
                rotate(config, new RolloverOptions(false, Age.parse("0s").orElseThrow()));

        JWKSet set = publishedSet("production");
        assertFalse(verifies(sign(compromised), set));
        assertEquals(
                List.of("mvn spectral:rotate -Dkey=SIGNING_KEY -Dspectral.rotate.retain=0s"),
                FinishCommands.of(List.of(), List.of(outcome.units().get(0).plan()), outcome.run()),
                "a run finished later keeps dropping the compromised key");
        assertEquals(List.of(kid(github.secret("production", "SIGNING_KEY"))), kids(set));
    }

    @Test
    void twoPhasesPublishTheNextKeyFirstThenPromoteIt() throws Exception {
        Config config = config("es256-jwk");
        String old = privateKey("es256-jwk");
        op.put("op://Spectral/signing-key/jwk", old);

        RotationOutcome phaseOne = rotate(config, new RolloverOptions(true, WEEK));

        assertEquals(old, github.secret("production", "SIGNING_KEY"), "phase 1: the old key keeps signing");
        List<String> steps = phaseOne.units().get(0).plan().followUps();
        assertTrue(
                steps.contains("Then promote the next key (phase 2): mvn spectral:rotate -Dkey=SIGNING_KEY"),
                steps.toString());
        assertFalse(steps.stream().anyMatch(s -> s.startsWith("Recycle")), "nothing new signs yet: " + steps);
        assertTrue(phaseOne.doneLine("record.md").startsWith("Published the next key of SIGNING_KEY (phase 1 of 2)"));
        String next = op.valueOf(ref("op://Spectral/signing-key/jwk-next"));
        JWKSet announced = publishedSet("production");
        assertEquals(List.of(kid(old), kid(next)), kids(announced));
        assertTrue(verifies(sign(next), announced), "the next key's tokens verify before it signs");
        assertNoPrivateMember("production");
        assertTrue(
                log.lines().stream().anyMatch(l -> l.contains("rollover:     phase 1 of 2")),
                "the plan names the phase");
        assertTrue(log.lines().stream().anyMatch(l -> l.contains("to promote it (phase 2)")), "and what comes next");

        clock.advance(Duration.ofDays(1));
        rotate(config, new RolloverOptions(false, WEEK));

        assertEquals(next, github.secret("production", "SIGNING_KEY"), "phase 2: the next key signs");
        assertEquals(next, github.secret("staging", "SIGNING_KEY"));
        assertEquals(next, op.valueOf(ref("op://Spectral/signing-key/jwk")));
        assertEquals(
                List.of("jwk", "jwk-jwks"),
                op.stored("Spectral", "signing-key")
                        .orElseThrow()
                        .path("fields")
                        .findValuesAsText("label"),
                "the next field is gone");
        JWKSet promoted = publishedSet("production");
        assertEquals(List.of(kid(next), kid(old)), kids(promoted));
        assertTrue(verifies(sign(old), promoted), "the old key stays for its retention period");
        assertTrue(log.lines().stream().anyMatch(l -> l.contains("rollover:     phase 2 of 2")));
    }

    @Test
    void aSetThatCannotBeMadeIsLeftInGitHubEvenWhenPruning() throws Exception {
        Config config = config("es256-jwk");
        op.put("op://Spectral/signing-key/jwk", "pasted-by-hand-not-a-jwk-77");
        github.putVariable("production", "SIGNING_KEY_JWKS", "{\"keys\":[]}");
        github.putVariable("production", "LEFTOVER", "x");

        provisioner()
                .provision(
                        config,
                        new ProvisionRequest(
                                "production",
                                Set.of(),
                                Path.of("/nonexistent/.env"),
                                Set.of(ProvisionRequest.Option.PRUNE)));

        assertEquals("{\"keys\":[]}", github.variables("production").get("SIGNING_KEY_JWKS"), "kept as it was");
        assertFalse(github.variables("production").containsKey("LEFTOVER"), "the prune itself ran");
        assertTrue(log.lines("WARN").stream()
                .anyMatch(l -> l.contains("SIGNING_KEY: no key set is published: the private key is not JSON")));
    }

    @Test
    void aRetentionOfZeroDiscardsAWaitingNextKeyInsteadOfPromotingIt() throws Exception {
        Config config = config("es256-jwk");
        op.put("op://Spectral/signing-key/jwk", privateKey("es256-jwk"));
        rotate(config, new RolloverOptions(true, WEEK));
        String waiting = op.valueOf(ref("op://Spectral/signing-key/jwk-next"));

        RotationOutcome outcome =
                rotate(config, new RolloverOptions(false, Age.parse("0s").orElseThrow()));

        String current = github.secret("production", "SIGNING_KEY");
        assertFalse(current.equals(waiting), "the waiting key may have leaked with its item: a fresh key signs");
        assertEquals(List.of(kid(current)), kids(publishedSet("production")));
        assertEquals("one phase", outcome.units().get(0).keySet().orElseThrow().phase());
        assertEquals(
                List.of("jwk", "jwk-jwks"),
                op.stored("Spectral", "signing-key")
                        .orElseThrow()
                        .path("fields")
                        .findValuesAsText("label"));
        assertTrue(log.lines("WARN").stream().anyMatch(l -> l.contains("is discarded, not promoted")));
        assertTrue(log.lines().stream().anyMatch(l -> l.contains("leaves the set now (retention 0s)")));
    }

    @Test
    void aLocalEnvironmentGetsItsKeySetInTheEnvFileAndThePlanSaysWhence() throws Exception {
        Config config = Configs.valid("""
                [dev]
                SIGNING_KEY = "op://Spectral/signing-key-dev/jwk"
                [rotation]
                SIGNING_KEY = "es256-jwk:shared"
                """);
        op.put("op://Spectral/signing-key-dev/jwk", privateKey("es256-jwk"));

        provisioner()
                .provision(
                        config,
                        new ProvisionRequest(
                                "dev",
                                Set.of("dev"),
                                Path.of("/nonexistent/.env"),
                                Set.of(ProvisionRequest.Option.DRY_RUN)));

        assertTrue(
                log.lines("INFO").stream()
                        .anyMatch(l -> l.matches(
                                "dev +SIGNING_KEY_JWKS +variable +write \\.env +\\(key set of SIGNING_KEY\\)")),
                log.lines().toString());
    }

    @Test
    void theFirstRotationOfAKeyWithoutItemStartsItsSet() throws Exception {
        Config config = config("es256-jwk");

        rotate(config, new RolloverOptions(false, WEEK));

        String current = github.secret("production", "SIGNING_KEY");
        assertEquals(List.of(kid(current)), kids(publishedSet("production")));
        assertTrue(
                log.lines("INFO").stream()
                        .anyMatch(l -> l.matches(
                                "production +SIGNING_KEY_JWKS +variable +create +\\(key set of SIGNING_KEY\\)")),
                "the plan says where the variable comes from");
    }

    @Test
    void theKidIsTheRfc7638ThumbprintAsAnotherLibraryComputesIt() throws Exception {
        for (String generator : List.of("es256-jwk", "ed25519-jwk", "rsa-jwk")) {
            String privateKey = privateKey(generator);
            assertEquals(
                    JWK.parse(privateKey).computeThumbprint().toString(),
                    PublicJwk.of(privateKey).path("kid").asText(),
                    generator);
            assertFalse(JWK.parse(PublicJwk.of(privateKey).toString()).isPrivate(), generator);
        }
    }

    // ---- the run ----------------------------------------------------------------------------

    private RotationOutcome rotate(Config config, RolloverOptions options) throws RotationException {
        Rotator rotator =
                new Rotator(op, provisioner(), generators, FakeTerminal.batch(), Map.of(), redactor, clock, log);
        RotationOutcome outcome = rotator.rotate(
                config,
                new RotationRequest(
                        Selection.key("SIGNING_KEY", Optional.empty()),
                        false,
                        true,
                        Optional.empty(),
                        Optional.empty(),
                        PUBLISHING,
                        options));
        assertTrue(outcome.stored(), "stored");
        assertTrue(outcome.problem().isEmpty(), () -> outcome.problem().get().getMessage());
        return outcome;
    }

    private Provisioner provisioner() {
        return new Provisioner(
                op,
                github,
                new DotEnvWriter(new ScriptedRunner()),
                new KeySets(generators::producesPrivateJwk, op, clock),
                pool,
                log);
    }

    private Config config(String generator) {
        return Configs.valid(TOML.formatted(generator));
    }

    // ---- the independent verifier -----------------------------------------------------------

    private JWKSet publishedSet(String env) throws ParseException {
        String json = github.variables(env).get("SIGNING_KEY_JWKS");
        assertTrue(json != null, env + " has SIGNING_KEY_JWKS");
        return JWKSet.parse(json);
    }

    private void assertNoPrivateMember(String env) throws ParseException {
        String json = github.variables(env).get("SIGNING_KEY_JWKS");
        for (JWK jwk : JWKSet.parse(json).getKeys()) {
            assertFalse(jwk.isPrivate(), "a private key in the set");
        }
        for (String member : PublicJwk.PRIVATE_MEMBERS) {
            assertFalse(json.contains("\"" + member + "\""), "member " + member + " in " + env + "'s set");
        }
    }

    /** A short-lived token signed with the key, named by the key's own kid, as a signer would make it. */
    private static String sign(String privateKey) throws ParseException, JOSEException {
        JWK jwk = JWK.parse(privateKey);
        JWSSigner signer = jwk instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) jwk);
        JWSAlgorithm alg = jwk instanceof ECKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(alg).keyID(jwk.getKeyID()).build(),
                new JWTClaimsSet.Builder()
                        .subject("delegation")
                        .issuer("spectral")
                        .build());
        jwt.sign(signer);
        return jwt.serialize();
    }

    /** The way a relying party verifies: pick the key by the token's kid in the published set. */
    private static boolean verifies(String token, JWKSet set) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256), new ImmutableJWKSet<>(set)));
        try {
            processor.process(token, null);
            return true;
        } catch (BadJOSEException | JOSEException | ParseException e) {
            return false;
        }
    }

    private static List<String> kids(JWKSet set) {
        return set.getKeys().stream().map(JWK::getKeyID).toList();
    }

    private static String kid(String privateKey) throws ParseException, JOSEException {
        return JWK.parse(privateKey).computeThumbprint().toString();
    }

    private String privateKey(String generator) throws Exception {
        return generators
                .find(generator)
                .orElseThrow()
                .generate(dev.spectral.generators.GeneratorContext.of("SIGNING_KEY", Optional.empty()));
    }

    private List<String> privateKeysEverStored() {
        return op.allValues().stream().filter(v -> v.contains("\"d\"")).toList();
    }

    private static List<String> privateMemberValues(String privateKey) {
        try {
            Map<String, Object> members = JWK.parse(privateKey).toJSONObject();
            return PublicJwk.PRIVATE_MEMBERS.stream()
                    .filter(members::containsKey)
                    .map(m -> String.valueOf(members.get(m)))
                    .toList();
        } catch (ParseException e) {
            return List.of();
        }
    }

    private static dev.spectral.provision.config.OpReference ref(String reference) {
        return dev.spectral.provision.testing.References.ref(reference);
    }

    /** A clock the test moves forward, as the days between two rotations pass. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

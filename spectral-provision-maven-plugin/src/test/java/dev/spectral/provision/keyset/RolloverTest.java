package dev.spectral.provision.keyset;

import static dev.spectral.provision.testing.References.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.spectral.provision.config.Age;
import dev.spectral.provision.config.OpReference;
import dev.spectral.provision.onepassword.OnePassword.ItemValues;
import dev.spectral.provision.secret.Redactor;
import dev.spectral.provision.secret.SecretValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The plan a rollover shows before anything is minted: the set now and after, in the order it will have. */
class RolloverTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final OpReference FIELD = ref("op://Spectral/signing-key/jwk");
    private static final Age WEEK = Age.parse("7d").orElseThrow();

    private final Redactor redactor = new Redactor();
    private final ECKey signing = newKey();
    private final ECKey waiting = newKey();

    private static ECKey newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Optional<ItemValues> item(boolean withNext) {
        Map<OpReference, SecretValue> values = new LinkedHashMap<>();
        values.put(FIELD, SecretValue.of(signing.toJSONString(), redactor));
        if (withNext) {
            values.put(KeySetNames.next(FIELD), SecretValue.of(waiting.toJSONString(), redactor));
        }
        return Optional.of(new ItemValues(5, values));
    }

    private static String shortKid(ECKey key) {
        return Rollover.shortKid(key.getKeyID());
    }

    @Test
    void onePhaseShowsTheNewKeySigningAndTheOldOneLeavingAfterTheRetention() {
        List<String> lines = Rollover.plan("SIGNING_KEY", FIELD, item(false), false, WEEK, NOW)
                .describe();

        assertEquals(
                "key set:      SIGNING_KEY_JWKS (kept in 1Password at Spectral/signing-key/jwk-jwks)", lines.get(0));
        assertEquals("  now:        " + shortKid(signing) + " (signs)", lines.get(1));
        assertEquals(
                "  after:      new key (signs), " + shortKid(signing) + " (leaves 2026-12-08T10:00:00Z)", lines.get(2));
        assertTrue(
                lines.get(3)
                        .startsWith("rollover:     one phase: the new key signs once the signers are redeployed; "
                                + shortKid(signing) + " stays in the set for 7d"),
                lines.get(3));
    }

    @Test
    void phaseOneShowsTheNextKeyAfterTheSigningKeyAsTheStoredSetWillHaveIt() throws Exception {
        Rollover rollover = Rollover.plan("SIGNING_KEY", FIELD, item(false), true, WEEK, NOW);

        assertEquals(Rollover.Phase.PREPARE, rollover.phase());
        assertEquals(
                "  after:      " + shortKid(signing) + " (signs), new key (next)",
                rollover.describe().get(2));
        Rollover.Writes writes =
                rollover.writes(Optional.of(SecretValue.of(waiting.toJSONString(), redactor)), redactor);
        assertEquals(List.of(signing.getKeyID(), waiting.getKeyID()), writes.kidsAfter());
        assertEquals(
                List.of(KeySetNames.next(FIELD), KeySetNames.set(FIELD)),
                List.copyOf(writes.fields().keySet()));
    }

    @Test
    void phaseTwoPromotesTheWaitingKeyWithoutMinting() throws Exception {
        Rollover rollover = Rollover.plan("SIGNING_KEY", FIELD, item(true), false, WEEK, NOW);

        assertEquals(Rollover.Phase.PROMOTE, rollover.phase());
        assertFalse(rollover.mints());
        assertEquals(
                "  after:      " + shortKid(waiting) + " (signs), " + shortKid(signing)
                        + " (leaves 2026-12-08T10:00:00Z)",
                rollover.describe().get(2));
        Rollover.Writes writes = rollover.writes(Optional.empty(), redactor);
        assertEquals(
                Optional.of(waiting.toJSONString()), writes.fields().get(FIELD).map(SecretValue::reveal));
        assertEquals(Optional.empty(), writes.fields().get(KeySetNames.next(FIELD)), "the next field is removed");
    }

    @Test
    void aRetentionOfZeroSaysTheOldKeyLeavesNowAndDropsTheWaitingOne() {
        Rollover rollover = Rollover.plan(
                "SIGNING_KEY", FIELD, item(true), false, Age.parse("0s").orElseThrow(), NOW);

        assertEquals(Rollover.Phase.ONE_PHASE, rollover.phase());
        List<String> lines = rollover.describe();
        assertEquals("  after:      new key (signs)", lines.get(2));
        assertTrue(
                lines.get(3).endsWith("leaves the set now (retention 0s): tokens it signed no longer verify"),
                lines.get(3));
        assertTrue(
                rollover.warnings().get(0).contains("is discarded, not promoted"),
                rollover.warnings().toString());
    }

    @Test
    void aRetentionOfZeroAlsoDropsAKeyThatWasRetiringAlready() throws Exception {
        ECKey retiring = newKey();
        String kept = KeySet.empty()
                .withSigningKey(PublicJwk.of(retiring.toJSONString()))
                .withSigningKey(PublicJwk.of(signing.toJSONString()))
                .retiring(retiring.getKeyID(), NOW.plusSeconds(86_400))
                .stored();
        Map<OpReference, SecretValue> values = new LinkedHashMap<>();
        values.put(FIELD, SecretValue.of(signing.toJSONString(), redactor));
        values.put(KeySetNames.set(FIELD), SecretValue.of(kept, redactor));
        ECKey fresh = newKey();

        Rollover.Writes writes = Rollover.plan(
                        "K",
                        FIELD,
                        Optional.of(new ItemValues(3, values)),
                        false,
                        Age.parse("0s").orElseThrow(),
                        NOW)
                .writes(Optional.of(SecretValue.of(fresh.toJSONString(), redactor)), redactor);

        assertEquals(List.of(fresh.getKeyID()), writes.kidsAfter());
    }

    @Test
    void aValueThatIsNotAKeyIsReplacedWithAWarningThatDoesNotShowIt() {
        Map<OpReference, SecretValue> values = Map.of(FIELD, SecretValue.of("hand-typed-secret-123", redactor));

        Rollover rollover = Rollover.plan("K", FIELD, Optional.of(new ItemValues(1, values)), false, WEEK, NOW);

        assertEquals(List.of(), rollover.kidsNow());
        assertTrue(rollover.warnings().get(0).contains("is not JSON, so not a JWK: it is replaced"));
        assertFalse(String.join(" ", rollover.warnings()).contains("hand-typed"));
    }
}

package dev.spectral.provision.verify.remote;

import static dev.spectral.provision.testing.FakeOnePassword.field;
import static dev.spectral.provision.testing.FakeOnePassword.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.Finding;
import dev.spectral.provision.config.Severity;
import dev.spectral.provision.keyset.KeySet;
import dev.spectral.provision.keyset.KeySets;
import dev.spectral.provision.keyset.PublicJwk;
import dev.spectral.provision.secret.Redactor;
import dev.spectral.provision.testing.Configs;
import dev.spectral.provision.testing.FakeGitHub;
import dev.spectral.provision.testing.FakeOnePassword;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Remote verify reads each published key set as a verifier does, and says which keys are due by age. */
class RemoteKeySetTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Config CONFIG = Configs.valid("""
            [production]
            SIGNING_KEY = "op://Spectral/signing-key/jwk"

            [rotation]
            SIGNING_KEY = "es256-jwk:shared:90d"
            """);

    private final FakeOnePassword op = new FakeOnePassword(new Redactor());
    private final FakeGitHub github = new FakeGitHub("production");
    private final ECKey key;

    RemoteKeySetTest() throws Exception {
        key = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
    }

    private void itemChanged(String updatedAt) {
        op.add(
                "Spectral",
                item("sgn1", "signing-key", 3, field("jwk", "jwk", "CONCEALED", key.toJSONString()))
                        .put("updated_at", updatedAt));
        github.putSecret("production", "SIGNING_KEY");
    }

    private List<Finding> verify() {
        KeySets keySets = new KeySets(id -> id.endsWith("-jwk"), op, Clock.fixed(NOW, ZoneOffset.UTC));
        return new RemoteVerifier(op, github, keySets, Clock.fixed(NOW, ZoneOffset.UTC)).verify(CONFIG, Set.of());
    }

    private static List<Finding> about(List<Finding> findings, String prefix) {
        return findings.stream().filter(f -> f.rule().startsWith(prefix)).toList();
    }

    private String setOf(ECKey... keys) throws Exception {
        KeySet set = KeySet.empty();
        for (ECKey k : keys) {
            set = set.withSigningKey(PublicJwk.of(k.toJSONString()));
        }
        return set.publishedJson();
    }

    @Test
    void theSetProvisionPublishesPasses() throws Exception {
        itemChanged("2026-11-01T00:00:00Z");
        github.putVariable("production", "SIGNING_KEY_JWKS", setOf(key));

        List<Finding> findings = verify();

        assertEquals(List.of(), about(findings, "key-set"), findings.toString());
        assertEquals(List.of(), about(findings, "rotation-due"));
        assertFalse(
                findings.stream().anyMatch(f -> f.key().equals(Optional.of("SIGNING_KEY_JWKS"))), findings.toString());
    }

    @Test
    void aPublishedPrivateMemberIsAnErrorThatDoesNotRepeatIt() throws Exception {
        itemChanged("2026-11-01T00:00:00Z");
        github.putVariable("production", "SIGNING_KEY_JWKS", "{\"keys\":[" + key.toJSONString() + "]}");

        List<Finding> leaks = about(verify(), "key-set-private");

        assertEquals(1, leaks.size());
        Finding leak = leaks.get(0);
        assertEquals(Severity.ERROR, leak.severity());
        assertEquals(Optional.of("SIGNING_KEY_JWKS"), leak.key());
        assertTrue(leak.message().contains("holds private member(s) d of key"), leak.message());
        assertFalse(leak.message().contains(key.getD().toString()), "the private member's value is not repeated");
        assertTrue(leak.fix().contains("-Dspectral.rotate.retain=0s"), leak.fix());
    }

    @Test
    void aSetWithoutTheSigningKeyIsAnError() throws Exception {
        itemChanged("2026-11-01T00:00:00Z");
        ECKey other = new ECKeyGenerator(Curve.P_256).generate();
        github.putVariable("production", "SIGNING_KEY_JWKS", setOf(other));

        List<Finding> findings = verify();

        assertEquals(
                List.of("key-set-current"),
                about(findings, "key-set").stream().map(Finding::rule).toList());
        Finding drift = findings.stream()
                .filter(f -> f.rule().equals("remote-key-set-drift"))
                .findFirst()
                .orElseThrow();
        assertEquals(Severity.WARNING, drift.severity(), "an old key past its time is not by itself an error");
    }

    @Test
    void aMissingSetIsWhatProvisionWouldCreate() {
        itemChanged("2026-11-01T00:00:00Z");

        List<Finding> findings = verify();

        assertTrue(
                findings.stream()
                        .anyMatch(f ->
                                f.rule().equals("remote-missing") && f.key().equals(Optional.of("SIGNING_KEY_JWKS"))),
                findings.toString());
    }

    @Test
    void aLocalEnvironmentsOwnItemIsNotTheAgeOfASharedKey() throws Exception {
        Config config = Configs.valid("""
                [production]
                SIGNING_KEY = "op://Spectral/signing-key/jwk"
                [dev]
                SIGNING_KEY = "op://Spectral/signing-key-dev/jwk"
                [rotation]
                SIGNING_KEY = "es256-jwk:shared:90d"
                """);
        itemChanged("2026-11-01T00:00:00Z");
        op.add(
                "Spectral",
                item("sgnd", "signing-key-dev", 1, field("jwk", "jwk", "CONCEALED", key.toJSONString()))
                        .put("updated_at", "2020-01-01T00:00:00Z"));
        KeySets keySets = new KeySets(id -> id.endsWith("-jwk"), op, Clock.fixed(NOW, ZoneOffset.UTC));

        List<Finding> findings =
                new RemoteVerifier(op, github, keySets, Clock.fixed(NOW, ZoneOffset.UTC)).verify(config, Set.of("dev"));

        assertEquals(List.of(), about(findings, "rotation-due"), "-Dkey=due would not rotate the dev item either");
    }

    @Test
    void aKeyOlderThanItsMaxAgeIsAWarningWithTheCommand() throws Exception {
        itemChanged("2026-08-01T00:00:00Z");
        github.putVariable("production", "SIGNING_KEY_JWKS", setOf(key));

        List<Finding> due = about(verify(), "rotation-due");

        assertEquals(1, due.size());
        assertEquals(Severity.WARNING, due.get(0).severity());
        assertTrue(
                due.get(0).message().contains("last changed 2026-08-01T00:00:00Z, 122 days ago; the max age is 90d"),
                due.get(0).message());
        assertTrue(
                due.get(0).fix().startsWith("mvn spectral:rotate -Dkey=SIGNING_KEY"),
                due.get(0).fix());
    }
}

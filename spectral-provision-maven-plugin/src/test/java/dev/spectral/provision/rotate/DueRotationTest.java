package dev.spectral.provision.rotate;

import static dev.spectral.provision.testing.FakeOnePassword.field;
import static dev.spectral.provision.testing.FakeOnePassword.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.spectral.generators.GeneratorRegistry;
import dev.spectral.provision.config.Config;
import dev.spectral.provision.keyset.KeySets;
import dev.spectral.provision.publish.DotEnvWriter;
import dev.spectral.provision.publish.ProvisionRequest;
import dev.spectral.provision.publish.Provisioner;
import dev.spectral.provision.report.RotationRecord;
import dev.spectral.provision.secret.Redactor;
import dev.spectral.provision.testing.Configs;
import dev.spectral.provision.testing.FakeGitHub;
import dev.spectral.provision.testing.FakeOnePassword;
import dev.spectral.provision.testing.RecordingLog;
import dev.spectral.provision.testing.ScriptedRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code -Dkey=due}: what falls due by age, told by the items' last change and a clock set by the test. */
class DueRotationTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Config CONFIG = Configs.valid("""
            [production]
            OLD_TOKEN = "op://Spectral/old-token/credential"
            FRESH_TOKEN = "op://Spectral/fresh-token/credential"
            VENDOR_KEY = "op://Spectral/vendor/credential"
            NO_AGE = "op://Spectral/no-age/credential"
            NEW_KEY = "op://Spectral/new-key/jwk"
            WAITING_KEY = "op://Spectral/waiting-key/jwk"

            [rotation]
            OLD_TOKEN = "random-token:shared:30d"
            FRESH_TOKEN = "random-token:shared:30d"
            VENDOR_KEY = "prompt:shared:90d"
            NO_AGE = "random-token:shared"
            NEW_KEY = "es256-jwk:shared:90d"
            WAITING_KEY = "es256-jwk:shared:90d"
            """);

    private final Redactor redactor = new Redactor();
    private final FakeOnePassword op = new FakeOnePassword(redactor);
    private final FakeGitHub github = new FakeGitHub("production");
    private final RecordingLog log = new RecordingLog(true);
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private void seed(boolean oldTokenDue, boolean nextKeyWaits) throws Exception {
        op.add(
                "Spectral",
                changed(
                        item("old1", "old-token", 3, secret("credential", "old-token-value-1")),
                        oldTokenDue ? "2026-10-01T00:00:00Z" : "2026-11-20T00:00:00Z"));
        op.add(
                "Spectral",
                changed(
                        item("frsh", "fresh-token", 3, secret("credential", "fresh-token-value")),
                        "2026-11-30T00:00:00Z"));
        op.add(
                "Spectral",
                changed(
                        item("vend", "vendor", 9, secret("credential", "vendor-value-123")),
                        oldTokenDue ? "2020-01-01T00:00:00Z" : "2026-11-30T00:00:00Z"));
        op.add(
                "Spectral",
                changed(item("noag", "no-age", 1, secret("credential", "no-age-value-123")), "2001-01-01T00:00:00Z"));
        op.add("Spectral", changed(item("newk", "new-key", 1, secret("jwk", newJwk())), "2026-11-30T00:00:00Z"));
        ObjectNode waiting = item("wait", "waiting-key", 4, secret("jwk", newJwk()));
        if (nextKeyWaits) {
            waiting.withArray("fields").add(secret("jwk-next", newJwk()));
        }
        op.add("Spectral", changed(waiting, "2026-11-29T00:00:00Z"));
    }

    @Test
    void theGeneratedKeysThatAreDueAreRotatedAndThePromptedOnesAreListed() throws Exception {
        seed(true, true);
        op.remove("Spectral", "new-key");

        RotationOutcome outcome = rotate();

        assertEquals(
                List.of("OLD_TOKEN", "NEW_KEY", "WAITING_KEY"),
                outcome.units().stream().map(u -> u.plan().key()).toList());
        assertTrue(outcome.stored());
        assertEquals(
                3,
                op.versionCalls(),
                "one item read per rotated key: the waiting key's item, read to find it due, is not read again");
        assertTrue(
                log.lines("INFO").contains("4 of the 5 key(s) with a max age or a key set are due for rotation:"),
                log.lines().toString());
        assertTrue(
                log.lines("INFO").stream()
                        .anyMatch(l -> l.startsWith(
                                "  - OLD_TOKEN: its item last changed 2026-10-01T00:00:00Z, 61 days ago; max age 30d")),
                log.lines().toString());
        assertTrue(log.lines("INFO").stream()
                .anyMatch(l -> l.startsWith("  - NEW_KEY: its item Spectral/new-key does not exist yet")));
        assertTrue(log.lines("INFO").stream()
                .anyMatch(l -> l.startsWith("  - WAITING_KEY: its next key (jwk-next) waits to be promoted")));
        assertTrue(
                log.lines("WARN").stream()
                        .anyMatch(
                                l -> l.contains(
                                        "VENDOR_KEY is due and is entered by hand, so this run does not rotate it: run mvn spectral:rotate -Dkey=VENDOR_KEY")),
                log.lines("WARN").toString());
        assertEquals(
                "vendor-value-123",
                op.valueOf(dev.spectral.provision.testing.References.ref("op://Spectral/vendor/credential")));
        assertEquals(
                "fresh-token-value",
                op.valueOf(dev.spectral.provision.testing.References.ref("op://Spectral/fresh-token/credential")));
        assertEquals(
                "no-age-value-123",
                op.valueOf(dev.spectral.provision.testing.References.ref("op://Spectral/no-age/credential")));
        assertTrue(log.lines("INFO").stream().anyMatch(l -> l.contains("WAITING_KEY: phase 2 of 2 done")));
    }

    @Test
    void withNothingDueNothingIsWrittenAndTheRunSucceeds() throws Exception {
        seed(false, false);

        RotationOutcome outcome = rotate();

        assertEquals(List.of(), outcome.units());
        assertTrue(outcome.complete() && outcome.problem().isEmpty(), "a run with nothing due succeeds");
        assertEquals(
                "### spectral:rotate (-Dkey=due)\n\nNothing was due at 2026-12-01T10:00:00Z: no key was rotated and "
                        + "nothing was written (not on GitHub Actions).\n",
                RotationRecord.markdown(outcome, Optional.empty()));
        assertEquals(0, op.writeCalls());
        assertEquals(List.of(), github.writeCalls());
        assertTrue(
                log.lines("INFO").contains("No generated key is due; nothing was written."),
                log.lines().toString());
    }

    private RotationOutcome rotate() throws Exception {
        GeneratorRegistry generators = GeneratorRegistry.load(getClass().getClassLoader());
        Provisioner provisioner = new Provisioner(
                op,
                github,
                new DotEnvWriter(new ScriptedRunner()),
                new KeySets(generators::producesPrivateJwk, op, clock),
                pool,
                log);
        return new Rotator(op, provisioner, generators, FakeTerminal.batch(), Map.of(), redactor, clock, log)
                .rotate(
                        CONFIG,
                        new RotationRequest(
                                Selection.of(Optional.of("due"), Optional.empty(), Optional.empty(), Optional.empty()),
                                false,
                                true,
                                Optional.empty(),
                                Optional.empty(),
                                new ProvisionRequest("", Set.of(), Path.of("/nonexistent/.env"), Set.of())));
    }

    private static ObjectNode changed(ObjectNode item, String updatedAt) {
        item.put("updated_at", updatedAt);
        return item;
    }

    private static ObjectNode secret(String label, String value) {
        return field(label, label, "CONCEALED", value);
    }

    private static String newJwk() throws Exception {
        return new ECKeyGenerator(Curve.P_256)
                .keyIDFromThumbprint(true)
                .generate()
                .toJSONString();
    }
}

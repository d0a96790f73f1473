package dev.spectral.provision.verify.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.Finding;
import dev.spectral.provision.config.Severity;
import dev.spectral.provision.github.GitHub;
import dev.spectral.provision.github.RemoteState;
import dev.spectral.provision.secret.Redactor;
import dev.spectral.provision.secret.SecretValue;
import dev.spectral.provision.testing.Configs;
import dev.spectral.provision.testing.FakeOnePassword;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RemoteVerifierTest {

    private static final Instant ROTATED = Instant.parse("2026-11-01T10:00:00Z");
    private static final Config CONFIG = Configs.valid("""
            [production]
            APP_ENV = "production"
            API_KEY = "op://Spectral/api/credential"
            [dev]
            API_KEY = "op://Spectral/api-dev/credential"
            """);

    private final FakeOnePassword op = new FakeOnePassword(new Redactor())
            .put("op://Spectral/api/credential", "value-of-api")
            .put("op://Spectral/api-dev/credential", "value-of-api-dev");

    {
        op.listings(List.of(Map.of("api", ROTATED, "api-dev", ROTATED)));
    }

    private final StubGitHub github = new StubGitHub();

    private List<Finding> verify() {
        return new RemoteVerifier(op, github).verify(CONFIG, Set.of("dev"));
    }

    private static List<String> rules(List<Finding> findings) {
        return findings.stream().map(Finding::rule).toList();
    }

    @Test
    void anEnvironmentInStepPasses() {
        github.state = new RemoteState(Map.of("API_KEY", ROTATED.plusSeconds(6 * 60)), Map.of("APP_ENV", "production"));

        assertEquals(List.of(), verify());
        assertEquals(1, op.resolveCalls().size());
        assertEquals(List.of("Spectral"), op.listedVaults());
        assertEquals(2, op.resolveCalls().get(0).size(), "every reference, local ones too, is resolved");
        assertEquals(List.of("exists production", "list production"), github.calls);
    }

    @Test
    void aSecretOlderThanItsItemIsRotatedButNotRepublished() {
        github.state = new RemoteState(Map.of("API_KEY", ROTATED.minusSeconds(60)), Map.of("APP_ENV", "production"));

        Finding f = verify().get(0);
        assertEquals("remote-stale-secret", f.rule());
        assertTrue(f.message().startsWith("rotated in 1Password but not republished"), f.message());
        assertEquals("mvn spectral:provision -Denv=production", f.fix());
        assertEquals(3, f.position().line());
    }

    @Test
    void aSecretSetWithinTheMarginAfterItsItemChangedIsWhatProvisionWouldSetAgain() {
        // One rule with provision: GitHub's copy counts as current only when set more than 5 minutes after the change.
        github.state = new RemoteState(Map.of("API_KEY", ROTATED.plusSeconds(60)), Map.of("APP_ENV", "production"));

        Finding f = verify().get(0);

        assertEquals("remote-stale-secret", f.rule());
        assertTrue(f.message().contains("more than 5 minutes after its item changed"), f.message());
    }

    @Test
    void aSecretWhoseItemCannotBeListedIsNotCalledStale() {
        op.failListing();
        github.state = new RemoteState(Map.of("API_KEY", ROTATED.minusSeconds(60)), Map.of("APP_ENV", "production"));

        assertEquals(List.of("remote-staleness"), rules(verify()));
    }

    @Test
    void missingKeysWrongKindsDriftAndStaleNamesAreReported() {
        github.state = new RemoteState(Map.of("APP_ENV", ROTATED, "OLD", ROTATED), Map.of("API_KEY", "x"));

        List<Finding> findings = verify();

        assertEquals(List.of("remote-missing", "remote-missing", "remote-stale"), rules(findings));
        assertTrue(findings.get(0).message().contains("is a secret in GitHub, but a literal (variable) in the file"));
        assertTrue(findings.get(1).message().contains("is a variable in GitHub, but a secret in the file"));
        assertEquals(Severity.WARNING, findings.get(2).severity());
        assertEquals(Optional.of("OLD"), findings.get(2).key());
    }

    @Test
    void aVariableThatDiffersIsDrift() {
        github.state = new RemoteState(Map.of("API_KEY", ROTATED.plusSeconds(6 * 60)), Map.of("APP_ENV", "staging"));

        assertEquals(List.of("remote-drift"), rules(verify()));
    }

    @Test
    void aMissingEnvironmentIsAnError() {
        github.exists = false;

        Finding f = verify().get(0);
        assertEquals("remote-environment", f.rule());
        assertTrue(f.fix().contains("-Dspectral.createEnvironments=true"));
    }

    @Test
    void anUnresolvableReferenceIsAnErrorAndNoValueIsShown() {
        op.failResolving("reference op://Spectral/api/credential failed: item 'api' is not in vault 'Spectral'");
        github.state = new RemoteState(Map.of("API_KEY", ROTATED.plusSeconds(6 * 60)), Map.of("APP_ENV", "production"));

        List<Finding> findings = verify();

        assertEquals(List.of("remote-reference"), rules(findings));
        assertTrue(findings.get(0).message().contains("op://Spectral/api/credential"));
    }

    private static final class StubGitHub implements GitHub {
        RemoteState state = RemoteState.empty();
        boolean exists = true;
        List<String> calls = new ArrayList<>();

        @Override
        public String repository() {
            return "acme/app";
        }

        @Override
        public boolean environmentExists(String environment) {
            calls.add("exists " + environment);
            return exists;
        }

        @Override
        public RemoteState list(String environment) {
            calls.add("list " + environment);
            return state;
        }

        @Override
        public void createEnvironment(String environment) {
            throw new AssertionError("verify never writes");
        }

        @Override
        public void setSecret(String environment, String name, SecretValue value) {
            throw new AssertionError("verify never writes");
        }

        @Override
        public Map<String, String> setSecrets(
                String environment, Map<String, SecretValue> secrets, java.util.function.IntConsumer written) {
            throw new AssertionError("verify never writes");
        }

        @Override
        public void createVariable(String environment, String name, String value) {
            throw new AssertionError("verify never writes");
        }

        @Override
        public void updateVariable(String environment, String name, String value) {
            throw new AssertionError("verify never writes");
        }

        @Override
        public void deleteSecret(String environment, String name) {
            throw new AssertionError("verify never writes");
        }

        @Override
        public void deleteVariable(String environment, String name) {
            throw new AssertionError("verify never writes");
        }
    }
}

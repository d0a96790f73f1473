package dev.spectral.provision.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spectral.provision.config.Finding;
import dev.spectral.provision.testing.Configs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifierTest {

    @Test
    void reportsEveryProblemOfTheFileInFileOrder() {
        List<Finding> findings = Verifier.offline().verify(Configs.parse("""
                [production]
                PORT = 8080
                github_token = "op://Spectral/gh/token"
                STRIPE = "sk_live_AbCdEfGhIjKlMnOp"
                [rotation]
                github_token = "nope:shared"
                """), Settings.vaults("Spectral"));

        assertEquals(
                List.of("value-type", "key-name", "literal-secret", "key-name", "rotation-generator"),
                findings.stream().map(Finding::rule).toList());
    }

    @Test
    void theBundledInfraExampleIsClean() throws Exception {
        Path infra = Path.of("..", "infra", "environments.toml");
        var settings = new VerifySettings(
                java.util.Set.of("Spectral"),
                java.util.Set.of("dev"),
                java.util.Set.of(),
                java.util.Set.of("es256-jwk"),
                List.of());
        List<Finding> findings = Verifier.offline()
                .verify(dev.spectral.provision.config.ConfigParser.parse(infra, "infra/environments.toml"), settings);

        assertEquals(
                List.of(),
                findings,
                () -> String.join("\n", findings.stream().map(Finding::format).toList()));
        assertEquals(true, Files.exists(infra));
    }
}

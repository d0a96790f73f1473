package dev.spectral.provision.verify;

import dev.spectral.provision.config.Finding;
import dev.spectral.provision.config.ParsedConfig;
import dev.spectral.provision.verify.scan.SecretRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs every offline check over a parsed file and gathers all findings, in file order. */
public final class Verifier {

    private final List<Check> checks;

    public Verifier(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    /** The offline checks of {@code spectral:verify}: no op, no gh, no network. */
    public static Verifier offline() {
        return new Verifier(List.of(
                new EnvironmentNameCheck(),
                new KeyNameCheck(),
                new GitHubLimitsCheck(),
                new VaultCheck(),
                new RotationGeneratorCheck(),
                new RotationTargetCheck(),
                new KeySetNameCheck(),
                new LocalIsolationCheck(),
                new ReferenceLookalikeCheck(),
                new LiteralSecretCheck(SecretRules.DEFAULT)));
    }

    public List<Finding> verify(ParsedConfig parsed, VerifySettings settings) {
        List<Finding> findings = new ArrayList<>(parsed.problems());
        for (Check check : checks) {
            findings.addAll(check.check(parsed.config(), settings));
        }
        findings.sort(Comparator.comparingInt((Finding f) -> f.position().line())
                .thenComparingInt(f -> f.position().column())
                .thenComparing(Finding::rule));
        return findings;
    }
}

package dev.spectral.provision.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spectral.provision.verify.LiteralCorpus.Sample;
import dev.spectral.provision.verify.scan.SecretRule;
import dev.spectral.provision.verify.scan.SecretRules;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The default rules over the corpus: every secret named by its rule, no ordinary value flagged. */
class SecretRulesTest {

    private static final int MIN_SAMPLES = 40;
    private static final int MIN_PER_RULE = 3;

    private static Optional<String> flag(Sample sample) {
        return SecretRules.firstMatch(SecretRules.DEFAULT, sample.key(), sample.value())
                .map(SecretRule::id);
    }

    static List<Sample> secrets() {
        return LiteralCorpus.secrets();
    }

    static List<Sample> ordinary() {
        return LiteralCorpus.ordinary();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secrets")
    void flagsEverySecretByItsRule(Sample sample) {
        assertEquals(Optional.of(sample.rule()), flag(sample));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ordinary")
    void passesOrdinaryConfiguration(Sample sample) {
        assertEquals(Optional.empty(), flag(sample));
    }

    @Test
    void theCorpusCoversEveryRuleSeveralTimes() {
        assertTrue(secrets().size() >= MIN_SAMPLES, "secrets: " + secrets().size());
        assertTrue(
                ordinary().size() >= MIN_SAMPLES,
                "ordinary values: " + ordinary().size());
        Map<String, Long> perRule =
                secrets().stream().collect(Collectors.groupingBy(Sample::rule, Collectors.counting()));
        for (SecretRule rule : SecretRules.DEFAULT) {
            assertTrue(perRule.getOrDefault(rule.id(), 0L) >= MIN_PER_RULE, () -> "too few samples for " + rule.id());
        }
    }

    /** Prints the confusion matrix of the default rules over the corpus, per rule, then requires it perfect. */
    @Test
    void reportsTheScoresOverTheCorpus() {
        int truePositives = 0;
        int wrongRule = 0;
        int falseNegatives = 0;
        int trueNegatives = 0;
        int falsePositives = 0;
        Map<String, int[]> perRule = new TreeMap<>();
        StringBuilder misses = new StringBuilder();
        for (Sample sample : LiteralCorpus.all()) {
            Optional<String> found = flag(sample);
            if (sample.isSecret()) {
                int[] counts = perRule.computeIfAbsent(sample.rule(), r -> new int[2]);
                counts[0]++;
                if (found.isEmpty()) {
                    falseNegatives++;
                    misses.append("\n  missed ").append(sample);
                } else {
                    truePositives++;
                    counts[1]++;
                    if (!found.get().equals(sample.rule())) {
                        wrongRule++;
                        misses.append("\n  named ")
                                .append(found.get())
                                .append(": ")
                                .append(sample);
                    }
                }
            } else if (found.isEmpty()) {
                trueNegatives++;
            } else {
                falsePositives++;
                misses.append("\n  flagged by ")
                        .append(found.get())
                        .append(": ")
                        .append(sample);
            }
        }
        StringBuilder report = new StringBuilder("literal-secret corpus: ")
                .append(secrets().size())
                .append(" secrets, ")
                .append(ordinary().size())
                .append(" ordinary values\n")
                .append("  TP ")
                .append(truePositives)
                .append(" (")
                .append(wrongRule)
                .append(" under another rule)")
                .append("  FN ")
                .append(falseNegatives)
                .append("  TN ")
                .append(trueNegatives)
                .append("  FP ")
                .append(falsePositives)
                .append('\n');
        perRule.forEach((rule, c) -> report.append(String.format("  %-22s %d/%d flagged%n", rule, c[1], c[0])));
        System.out.print(report.append(misses).append('\n'));

        assertEquals(0, falseNegatives + falsePositives + wrongRule, report::toString);
    }
}

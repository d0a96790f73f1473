package dev.spectral.generators.builtin;

import dev.spectral.generators.GeneratorContext;
import dev.spectral.generators.GeneratorRegistry;
import dev.spectral.generators.SecretGenerator;
import java.util.Arrays;

/**
 * Prints how long each built-in takes to mint one value: the median of {@value #RUNS} runs after
 * {@value #WARM_UP} warm-up runs. A measurement, not a test: timings depend on the machine, so
 * nothing here asserts. Values are discarded unseen.
 *
 * <p>Run after {@code install} with the test classpath, for example:
 * {@code java -cp target/classes:target/test-classes:<dependencies> dev.spectral.generators.builtin.MintTimings}
 */
public final class MintTimings {

    private static final int WARM_UP = 5;
    private static final int RUNS = 20;

    private MintTimings() {}

    public static void main(String[] args) throws Exception {
        GeneratorRegistry registry = GeneratorRegistry.load(MintTimings.class.getClassLoader());
        GeneratorContext context = Contexts.fresh();
        for (String id : registry.ids()) {
            SecretGenerator generator = registry.find(id).orElseThrow();
            for (int i = 0; i < WARM_UP; i++) {
                generator.generate(context);
            }
            long[] nanos = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                generator.generate(context);
                nanos[i] = System.nanoTime() - start;
            }
            System.out.printf("generator %s: median %.3f ms%n", id, median(nanos) / 1_000_000.0);
        }
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}

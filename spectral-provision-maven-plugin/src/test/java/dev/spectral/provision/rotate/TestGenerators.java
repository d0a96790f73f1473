package dev.spectral.provision.rotate;

import dev.spectral.generators.GenerationException;
import dev.spectral.generators.GeneratorContext;
import dev.spectral.generators.GeneratorRegistry;
import dev.spectral.generators.SecretGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Generators for rotation tests, found through the real {@link GeneratorRegistry#load(ClassLoader)}: a
 * class loader over a folder whose {@code META-INF/services} file lists them, next to the built-ins.
 * {@link Fixed} mints known, distinct values and keeps them, so tests can look for leaks.
 */
public final class TestGenerators {

    private static final List<String> MINTED = new CopyOnWriteArrayList<>();
    private static final List<GeneratorContext> CONTEXTS = new CopyOnWriteArrayList<>();
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestGenerators() {}

    /** The built-ins and the generators of this class, loaded as the plugin loads them. */
    static GeneratorRegistry registry(Path folder) {
        try {
            Path services = folder.resolve("META-INF/services/" + SecretGenerator.class.getName());
            Files.createDirectories(services.getParent());
            Files.writeString(
                    services,
                    String.join("\n", Fixed.class.getName(), Failing.class.getName(), Empty.class.getName()) + "\n");
            try (URLClassLoader loader =
                    new URLClassLoader(new URL[] {folder.toUri().toURL()}, TestGenerators.class.getClassLoader())) {
                return GeneratorRegistry.load(loader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new AssertionError("cannot load the test generators", e);
        }
    }

    static void reset() {
        MINTED.clear();
        CONTEXTS.clear();
    }

    /** Every value {@link Fixed} minted since {@link #reset()}. */
    static List<String> minted() {
        return List.copyOf(MINTED);
    }

    static List<GeneratorContext> contexts() {
        return List.copyOf(CONTEXTS);
    }

    /** {@code fixed-token}: a new, known value each call, that no log line would contain by chance. */
    public static final class Fixed implements SecretGenerator {
        public static final String ID = "fixed-token";

        @Override
        public String id() {
            return ID;
        }

        @Override
        public String description() {
            return "a known test value";
        }

        @Override
        public String generate(GeneratorContext context) {
            String value = "qZ7vTm" + COUNTER.incrementAndGet() + "xK2pWr9LbN4sHd";
            CONTEXTS.add(context);
            MINTED.add(value);
            return value;
        }
    }

    /** {@code failing-token}: always fails. */
    public static final class Failing implements SecretGenerator {
        @Override
        public String id() {
            return "failing-token";
        }

        @Override
        public String description() {
            return "fails";
        }

        @Override
        public String generate(GeneratorContext context) throws GenerationException {
            throw new GenerationException("no entropy today");
        }
    }

    /** {@code empty-token}: returns nothing. */
    public static final class Empty implements SecretGenerator {
        @Override
        public String id() {
            return "empty-token";
        }

        @Override
        public String description() {
            return "returns an empty value";
        }

        @Override
        public String generate(GeneratorContext context) {
            return "";
        }
    }
}

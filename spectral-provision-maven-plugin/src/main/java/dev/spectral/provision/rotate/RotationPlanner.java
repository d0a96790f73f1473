package dev.spectral.provision.rotate;

import dev.spectral.generators.GeneratorRegistry;
import dev.spectral.generators.SecretGenerator;
import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.Entry;
import dev.spectral.provision.config.Environment;
import dev.spectral.provision.config.OpReference;
import dev.spectral.provision.config.RotationSpec;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Works out from the file what the rotation of one key (in one environment, for {@code per-env}) writes and republishes. */
public final class RotationPlanner {

    private RotationPlanner() {}

    public static RotationPlan plan(
            Config config, String key, Optional<String> env, GeneratorRegistry generators, Set<String> local)
            throws RotationException {
        RotationSpec spec = config.rotation(key)
                .orElseThrow(() -> problem(key + " has no rotation spec in " + config.file()
                        + ". Add it to the [rotation] table, for example:\n  [rotation]\n  " + key
                        + " = \"random-token:shared\"   "
                        + "# or \"prompt:per-env\"; generators: " + String.join(", ", generators.ids())));
        Optional<String> description = Optional.empty();
        if (!spec.isPrompt()) {
            SecretGenerator generator = generators
                    .find(spec.generator())
                    .orElseThrow(() -> problem("generator '" + spec.generator() + "' of " + key
                            + " is not on the plugin's classpath; known: " + String.join(", ", generators.ids())));
            description = Optional.of(generator.description());
        }
        List<Environment> holders = holders(config, key);
        String holderNames =
                String.join(", ", holders.stream().map(Environment::name).toList());
        OpReference target;
        if (spec.scope() == RotationSpec.Scope.PER_ENV) {
            String name = env.orElseThrow(
                    () -> problem(key + " is rotated per environment: pass -Denv=<name>, one of: " + holderNames));
            Environment environment = holders.stream()
                    .filter(e -> e.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> problem("environment '" + name + "' does not reference " + key
                            + " with op://; environments that do: " + holderNames));
            target = reference(environment, key);
        } else {
            if (env.isPresent()) {
                throw problem(
                        key + " is shared: one value for " + holderNames + ", so -Denv does not apply; run without it");
            }
            target = holders.stream()
                    .filter(e -> !local.contains(e.name()))
                    .findFirst()
                    .or(() -> holders.stream().findFirst())
                    .map(e -> reference(e, key))
                    .orElseThrow(() -> problem(key + " is not referenced with op:// in any environment"));
        }
        List<Environment> readers =
                holders.stream().filter(e -> reference(e, key).equals(target)).toList();
        return new RotationPlan(
                spec,
                description,
                env,
                target,
                readers.stream()
                        .map(Environment::name)
                        .filter(n -> !local.contains(n))
                        .toList(),
                readers.stream().map(Environment::name).filter(local::contains).toList(),
                spec.generatedBy(generators::producesPrivateJwk));
    }

    /** The environments that reference the key with {@code op://}, in file order. */
    static List<Environment> holders(Config config, String key) {
        return config.environments().stream()
                .filter(e -> e.entry(key).map(Entry::isSecret).orElse(false))
                .toList();
    }

    private static OpReference reference(Environment environment, String key) {
        return environment.entry(key).flatMap(Entry::reference).orElseThrow();
    }

    private static RotationException problem(String message) {
        return new RotationException(RotationException.Cause.CONFIGURATION, message);
    }
}

package dev.spectral.provision.verify;

import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.Finding;
import dev.spectral.provision.config.RotationSpec;
import java.util.ArrayList;
import java.util.List;

/** Every {@code [rotation]} spec names {@code prompt} or a generator found on the plugin's classpath. */
public final class RotationGeneratorCheck implements Check {

    @Override
    public List<Finding> check(Config config, VerifySettings settings) {
        List<Finding> findings = new ArrayList<>();
        for (RotationSpec spec : config.rotations()) {
            if (!spec.isPrompt() && !settings.generatorIds().contains(spec.generator())) {
                List<String> known = new ArrayList<>(
                        settings.generatorIds().stream().sorted().toList());
                known.add(RotationSpec.PROMPT);
                findings.add(Finding.error(
                        "rotation-generator",
                        spec.position(),
                        null,
                        spec.key(),
                        "unknown generator '" + spec.generator() + "'; known generators: " + String.join(", ", known),
                        "use one of the known ids, or add the jar that provides '" + spec.generator()
                                + "' to the plugin's <dependencies>"));
            }
        }
        return findings;
    }
}

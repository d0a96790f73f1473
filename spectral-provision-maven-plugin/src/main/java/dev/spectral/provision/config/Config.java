package dev.spectral.provision.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The parsed {@code environments.toml}: environments in file order, and the {@code [rotation]} specs.
 *
 * @param file the file as shown to the user
 * @param environments every environment table
 * @param rotations every rotation spec
 */
public record Config(String file, List<Environment> environments, List<RotationSpec> rotations) {

    public Config {
        Objects.requireNonNull(file, "file");
        environments = List.copyOf(environments);
        rotations = List.copyOf(rotations);
    }

    public Optional<Environment> environment(String name) {
        return environments.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public Optional<RotationSpec> rotation(String key) {
        return rotations.stream().filter(r -> r.key().equals(key)).findFirst();
    }

    public List<String> environmentNames() {
        return environments.stream().map(Environment::name).toList();
    }
}

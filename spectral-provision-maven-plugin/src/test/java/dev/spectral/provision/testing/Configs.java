package dev.spectral.provision.testing;

import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.ConfigParser;
import dev.spectral.provision.config.ParsedConfig;
import java.nio.charset.StandardCharsets;

/** Builds models from TOML text, as the plugin reads them from a file. */
public final class Configs {

    public static final String FILE = "environments.toml";

    private Configs() {}

    public static ParsedConfig parse(String toml) {
        return ConfigParser.parse(toml.getBytes(StandardCharsets.UTF_8), FILE);
    }

    /** The model of a file that must parse without problems. */
    public static Config valid(String toml) {
        ParsedConfig parsed = parse(toml);
        if (!parsed.problems().isEmpty()) {
            throw new AssertionError("expected no parse problems, got " + parsed.problems());
        }
        return parsed.config();
    }
}

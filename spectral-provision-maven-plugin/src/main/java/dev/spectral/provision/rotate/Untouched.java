package dev.spectral.provision.rotate;

import dev.spectral.provision.config.OpReference;

/**
 * A secret in the blast radius of a selector that the run does not rotate: update it in 1Password by
 * hand, then provision its environment.
 *
 * @param environment the environment that reads it
 * @param key the key
 * @param reference what it reads
 * @param why no {@code [rotation]} spec, or a local environment's own item of a {@code shared} key
 */
public record Untouched(String environment, String key, OpReference reference, String why) {

    public String describe() {
        return key + " [" + environment + "] reads " + reference + ": " + why;
    }
}

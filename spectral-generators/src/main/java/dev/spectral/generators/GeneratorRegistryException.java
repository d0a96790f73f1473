package dev.spectral.generators;

/**
 * The generators on the plugin's classpath cannot be used as they are: two claim the same id, one
 * has an id that is reserved or malformed, or one cannot be loaded. The message names the classes
 * and jars involved and says how to fix it, because the person reading it is editing a
 * {@code pom.xml}, not debugging the plugin.
 */
public class GeneratorRegistryException extends Exception {

    private static final long serialVersionUID = 1L;

    public GeneratorRegistryException(String message) {
        super(message);
    }

    public GeneratorRegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.spectral.provision.maven;

/**
 * Every user property the goals read, in one place. The short names are the ones people type
 * ({@code -Denv=production}); the rest are namespaced {@code spectral.*}.
 */
public final class PropertyNames {

    public static final String FILE = "spectral.file";
    public static final String VAULTS = "spectral.vaults";
    public static final String LOCAL_ENVIRONMENTS = "spectral.localEnvironments";
    public static final String ALLOWED_SHARED_ITEMS = "spectral.allowedSharedItems";
    public static final String SKIP = "spectral.skip";

    private PropertyNames() {
    }
}

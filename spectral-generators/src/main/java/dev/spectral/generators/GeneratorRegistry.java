package dev.spectral.generators;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The generators visible to one class loader, keyed by id.
 *
 * <p>Built afresh by every {@link #load(ClassLoader)}: Maven gives each plugin execution its own
 * class realm, so a registry cached in a static would outlive the jars it came from. Loading is
 * all-or-nothing: a duplicate, reserved or malformed id, or a provider that cannot be created,
 * fails the whole load, because silently dropping a generator would make {@code [rotation]} mean
 * something different depending on classpath order.
 *
 * <p>Generators are stateless by contract, so each is instantiated once here and reused.
 */
public final class GeneratorRegistry {

    private record Registration(SecretGenerator generator, GeneratorInfo info) {}

    private final Map<String, Registration> byId;

    private GeneratorRegistry(Map<String, Registration> byId) {
        this.byId = byId;
    }

    /**
     * Finds every {@link SecretGenerator} named in a {@code META-INF/services} file visible to
     * {@code loader}, and checks that their ids are well formed, not reserved and unique.
     *
     * @param loader the class loader to search, normally the plugin's class realm
     * @throws GeneratorRegistryException naming the offending classes and jars
     */
    public static GeneratorRegistry load(ClassLoader loader) throws GeneratorRegistryException {
        Objects.requireNonNull(loader, "loader");
        List<ServiceLoader.Provider<SecretGenerator>> providers;
        try {
            // stream() yields each provider's class before creating it, so errors can name the jar.
            providers =
                    ServiceLoader.load(SecretGenerator.class, loader).stream().toList();
        } catch (ServiceConfigurationError e) {
            throw RegistryErrors.notListed(e);
        }
        Map<String, Registration> byId = new TreeMap<>();
        for (ServiceLoader.Provider<SecretGenerator> provider : providers) {
            Registration registration = register(provider);
            String id = registration.info().id();
            Registration earlier = byId.putIfAbsent(id, registration);
            if (earlier != null) {
                throw RegistryErrors.duplicate(id, earlier.info(), registration.info());
            }
        }
        return new GeneratorRegistry(byId);
    }

    private static Registration register(ServiceLoader.Provider<SecretGenerator> provider)
            throws GeneratorRegistryException {
        Class<? extends SecretGenerator> type = provider.type();
        String className = type.getName();
        String source = CodeSources.of(type);
        SecretGenerator generator;
        try {
            generator = provider.get();
        } catch (ServiceConfigurationError | LinkageError e) {
            throw RegistryErrors.notCreated(className, source, e);
        }
        String id;
        String description;
        try {
            id = generator.id();
            description = generator.description();
        } catch (RuntimeException | LinkageError e) {
            throw RegistryErrors.notDescribed(className, source, e);
        }
        if (GeneratorIds.PROMPT.equals(id)) {
            throw RegistryErrors.reserved(className, source);
        }
        if (!GeneratorIds.isWellFormed(id)) {
            throw RegistryErrors.malformed(className, source, id);
        }
        if (!isOneLine(description)) {
            throw RegistryErrors.badDescription(className, source);
        }
        return new Registration(generator, new GeneratorInfo(id, description, source, className));
    }

    private static boolean isOneLine(String text) {
        return text != null && !text.isBlank() && text.indexOf('\n') < 0 && text.indexOf('\r') < 0;
    }

    /** Every generator, sorted by id. */
    public List<GeneratorInfo> list() {
        return byId.values().stream().map(Registration::info).toList();
    }

    /** The generator with this id, if one was found. */
    public Optional<SecretGenerator> find(String id) {
        Objects.requireNonNull(id, "id");
        return Optional.ofNullable(byId.get(id)).map(Registration::generator);
    }

    /** Whether the generator with this id produces a private JWK ({@link PrivateJwkGenerator}); false for an unknown id. */
    public boolean producesPrivateJwk(String id) {
        return find(id).filter(PrivateJwkGenerator.class::isInstance).isPresent();
    }

    /** Every id, sorted. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }
}

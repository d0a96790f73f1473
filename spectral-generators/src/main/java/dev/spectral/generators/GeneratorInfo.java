package dev.spectral.generators;

/**
 * What the registry knows about one generator, for listings and error messages. Holds no
 * generator instance, so it can be printed freely.
 *
 * @param id the id used in {@code [rotation]}, for example {@code es256-jwk}
 * @param description the generator's one-line description
 * @param source where the class was loaded from: a jar or directory path, or a URL when the
 *     location is not a file; {@code unknown source} when the JVM does not say
 * @param className the fully qualified name of the implementing class
 */
public record GeneratorInfo(String id, String description, String source, String className) {}

package dev.spectral.generators;

/**
 * Mints a new secret value for {@code spectral:rotate}.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader}: a jar that lists its class in
 * {@code META-INF/services/dev.spectral.generators.SecretGenerator} and sits on the plugin's
 * classpath (under {@code <plugin><dependencies>}) is all it takes. This package depends on the
 * JDK alone, so a generator jar needs nothing else.
 *
 * <p>The contract:
 * <ul>
 *   <li>{@link #id()} is stable: it is the name written in the {@code [rotation]} table
 *       ({@code KEY = "<id>:<shared|per-env>"}). It is lower-case letters, digits and dashes, and
 *       never {@code prompt}, which is reserved for values typed in by a person.</li>
 *   <li>{@link #generate(GeneratorContext)} returns the exact secret value as text; it is stored
 *       in 1Password as UTF-8 and published byte for byte.</li>
 *   <li>All randomness comes from {@link GeneratorContext#random()} and all time from
 *       {@link GeneratorContext#clock()}, so that tests can make runs repeatable.</li>
 *   <li>The value is never logged, printed or put into an exception message, not even in part.</li>
 *   <li>On any failure, throw {@link GenerationException}: nothing is written when a generator
 *       fails.</li>
 * </ul>
 * Implementations must have a public no-argument constructor and hold no state between calls.
 */
public interface SecretGenerator {

    /** The stable id used in {@code [rotation]}, for example {@code es256-jwk}. */
    String id();

    /** One line saying what the value is, shown in the rotation plan. */
    String description();

    /**
     * Produces a new secret value.
     *
     * @param context the key being rotated and the sources of randomness and time
     * @return the new value, exactly as it is to be stored
     * @throws GenerationException when no value can be produced; the message must not hold the value
     */
    String generate(GeneratorContext context) throws GenerationException;
}

package dev.spectral.provision.config;

import dev.spectral.generators.GeneratorIds;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * How a key is regenerated, from {@code [rotation]}: {@code KEY = "<generator|prompt>:<shared|per-env>[:<max age>]"}.
 *
 * @param key the key rotated
 * @param generator a generator id, or {@link #PROMPT}
 * @param scope one item for all environments, or one per environment
 * @param maxAge how old the key's 1Password item may get before the key is due for rotation
 * @param position where the spec is written
 */
public record RotationSpec(String key, String generator, Scope scope, Optional<Age> maxAge, Position position) {

    /** The pseudo-generator meaning "a person types the value in". */
    public static final String PROMPT = GeneratorIds.PROMPT;

    public RotationSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(position, "position");
    }

    /** A spec without a max age: the key is never due by age. */
    public RotationSpec(String key, String generator, Scope scope, Position position) {
        this(key, generator, scope, Optional.empty(), position);
    }

    public boolean isPrompt() {
        return PROMPT.equals(generator);
    }

    /** Whether a generator (not a person) makes the key, and one of those {@code generators} accepts. */
    public boolean generatedBy(Predicate<String> generators) {
        return !isPrompt() && generators.test(generator);
    }

    /** Where a rotated value lives. */
    public enum Scope {
        SHARED("shared"),
        PER_ENV("per-env");

        private final String text;

        Scope(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}

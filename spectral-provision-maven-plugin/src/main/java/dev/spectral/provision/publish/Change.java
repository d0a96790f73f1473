package dev.spectral.provision.publish;

import java.util.Objects;
import java.util.Optional;

/**
 * One line of the plan. It holds no value: a secret's value is looked up from the resolved values
 * when the change is applied.
 *
 * @param environment the environment
 * @param key the secret or variable name
 * @param kind secret or variable
 * @param action what is done
 * @param source the {@code op://} reference, {@code (literal)}, or {@code (not in file)}
 * @param literal a variable's new value (variables are not secret); empty for secrets and deletes
 * @param note why, when it is not obvious ("kind changed to secret")
 */
public record Change(
        String environment,
        String key,
        Kind kind,
        Action action,
        String source,
        Optional<String> literal,
        Optional<String> note) {

    public static final String LITERAL = "(literal)";
    public static final String NOT_IN_FILE = "(not in file)";

    public Change {
        Objects.requireNonNull(environment);
        Objects.requireNonNull(key);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(action);
        Objects.requireNonNull(source);
        Objects.requireNonNull(literal);
        Objects.requireNonNull(note);
    }

    /** The change, its value coming from somewhere else than the file's literal: shown as the source. */
    public Change from(String otherSource) {
        return new Change(environment, key, kind, action, otherSource, literal, note);
    }

    /** {@code [production] KEY (secret, set)}, for progress lines and errors. */
    public String label() {
        return "[" + environment + "] " + key + " (" + kind + ", " + action + ")";
    }
}

package dev.spectral.provision.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem found in the configuration: what, where, and how to fix it.
 *
 * <p>Messages never hold a secret value; a rule that looks at values shows at most a masked preview.
 *
 * @param severity error or warning
 * @param rule a short stable id of the rule that found it, for reports and allowlists
 * @param position file:line:column
 * @param environment the environment table concerned, if any
 * @param key the key concerned, if any
 * @param message what is wrong
 * @param fix the edit or command that fixes it
 */
public record Finding(
        Severity severity,
        String rule,
        Position position,
        Optional<String> environment,
        Optional<String> key,
        String message,
        String fix) {

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }

    public static Finding error(
            String rule, Position position, String environment, String key, String message, String fix) {
        return new Finding(
                Severity.ERROR,
                rule,
                position,
                Optional.ofNullable(environment),
                Optional.ofNullable(key),
                message,
                fix);
    }

    public static Finding warning(
            String rule, Position position, String environment, String key, String message, String fix) {
        return new Finding(
                Severity.WARNING,
                rule,
                position,
                Optional.ofNullable(environment),
                Optional.ofNullable(key),
                message,
                fix);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:column [env] KEY: message (rule) Fix: ...}, one line. */
    public String format() {
        StringBuilder out = new StringBuilder().append(position).append(' ');
        environment.ifPresent(env -> out.append('[').append(env).append("] "));
        key.ifPresent(k -> out.append(k).append(": "));
        out.append(message).append(" (").append(rule).append(')');
        if (!fix.isEmpty()) {
            out.append(" Fix: ").append(fix);
        }
        return out.toString();
    }
}

package dev.spectral.provision.rotate;

import dev.spectral.generators.GenerationException;
import dev.spectral.generators.GeneratorContext;
import dev.spectral.generators.SecretGenerator;
import dev.spectral.provision.secret.Redactor;
import dev.spectral.provision.secret.SecretValue;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Where a rotation's new value comes from: the key's generator; for {@code prompt} keys, an
 * environment variable named by {@code spectral.valueFrom=env:NAME} (for CI), or the console, typed
 * twice without echo. The value is registered for masking the moment it exists.
 */
final class NewValue {

    static final String ENV_PREFIX = "env:";

    private final Terminal terminal;
    private final Map<String, String> environment;
    private final Redactor redactor;
    private final Clock clock;

    NewValue(Terminal terminal, Map<String, String> environment, Redactor redactor, Clock clock) {
        this.terminal = terminal;
        this.environment = environment;
        this.redactor = redactor;
        this.clock = clock;
    }

    SecretValue generate(SecretGenerator generator, RotationPlan plan) throws RotationException {
        try {
            String value =
                    generator.generate(new GeneratorContext(plan.key(), plan.environment(), new SecureRandom(), clock));
            if (value == null || value.isEmpty()) {
                throw new RotationException(
                        RotationException.Cause.TOOL,
                        "generator '" + generator.id() + "' produced an empty value for " + plan.key()
                                + "; nothing was written");
            }
            return SecretValue.of(value, redactor);
        } catch (GenerationException | RuntimeException e) {
            throw new RotationException(
                    RotationException.Cause.TOOL,
                    "generator '" + generator.id() + "' failed for " + plan.key() + ": "
                            + redactor.redact(String.valueOf(e.getMessage())) + "; nothing was written",
                    e);
        }
    }

    SecretValue prompted(RotationPlan plan, Optional<String> valueFrom) throws RotationException {
        return prompted(plan.key(), valueFrom);
    }

    /**
     * @param label what the prompts and messages call the key: its name, or {@code KEY [env]} when a run asks for
     *     one key in several environments
     */
    SecretValue prompted(String label, Optional<String> valueFrom) throws RotationException {
        if (valueFrom.isPresent()) {
            return fromEnvironment(valueFrom.get());
        }
        if (!terminal.interactive()) {
            throw new RotationException(
                    RotationException.Cause.CONFIGURATION,
                    label + " is entered by hand, but there "
                            + "is no console (batch mode or CI): pass -Dspectral.valueFrom=env:NAME with the value in that environment variable");
        }
        String first = read("New value for " + label + " (not echoed): ");
        String second = read("Again, to confirm: ");
        if (!first.equals(second)) {
            throw new RotationException(
                    RotationException.Cause.CONFIGURATION,
                    "the two entries for " + label + " differ; nothing was written. Run again");
        }
        if (first.isEmpty()) {
            throw new RotationException(
                    RotationException.Cause.CONFIGURATION, "the value for " + label + " is empty; nothing was written");
        }
        return SecretValue.of(first, redactor);
    }

    private SecretValue fromEnvironment(String valueFrom) throws RotationException {
        if (!valueFrom.startsWith(ENV_PREFIX) || valueFrom.length() == ENV_PREFIX.length()) {
            // Never echoed: a malformed valueFrom may well be the secret itself, pasted in by mistake.
            throw new RotationException(RotationException.Cause.CONFIGURATION, ValueFrom.MALFORMED);
        }
        String name = valueFrom.substring(ENV_PREFIX.length());
        String value = environment.get(name);
        if (value == null || value.isEmpty()) {
            throw new RotationException(
                    RotationException.Cause.CONFIGURATION,
                    "environment variable " + name + " (spectral.valueFrom) is not set or empty; nothing was written");
        }
        return SecretValue.of(value, redactor);
    }

    /** One entry, with a single trailing newline trimmed. */
    private String read(String prompt) throws RotationException {
        char[] typed = terminal.readSecret(prompt)
                .orElseThrow(() -> new RotationException(
                        RotationException.Cause.CONFIGURATION, "no value was entered; nothing was written"));
        try {
            String value = new String(typed);
            return value.endsWith("\r\n")
                    ? value.substring(0, value.length() - 2)
                    : value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
        } finally {
            Arrays.fill(typed, '\0');
        }
    }
}

package dev.spectral.provision.config;

import dev.spectral.generators.GeneratorIds;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the value of a {@code [rotation]} entry, {@code "<generator|prompt>:<shared|per-env>"}. */
public final class RotationSpecParser {

    /** A generator id as the generator SPI defines it, a colon, and a scope. */
    static final Pattern SPEC = Pattern.compile("(" + GeneratorIds.WELL_FORMED.pattern() + "):(shared|per-env)");

    private RotationSpecParser() {}

    /** True when a value has the shape of a rotation spec; used to spot a misspelt {@code [rotation]}. */
    public static boolean looksLikeSpec(String value) {
        return SPEC.matcher(value).matches();
    }

    public static RotationSpec parse(String key, String value, Position position) throws InvalidValueException {
        Matcher matcher = SPEC.matcher(value);
        if (!matcher.matches()) {
            throw new InvalidValueException(
                    "rotation spec '" + value + "' is not '<generator|prompt>:<shared|per-env>'",
                    "write it as " + key + " = \"es256-jwk:shared\" or " + key + " = \"prompt:per-env\"");
        }
        RotationSpec.Scope scope = Arrays.stream(RotationSpec.Scope.values())
                .filter(s -> s.text().equals(matcher.group(matcher.groupCount())))
                .findFirst()
                .orElseThrow();
        return new RotationSpec(key, matcher.group(1), scope, position);
    }
}

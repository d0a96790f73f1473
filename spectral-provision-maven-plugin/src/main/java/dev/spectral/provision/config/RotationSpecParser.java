package dev.spectral.provision.config;

import dev.spectral.generators.GeneratorIds;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the value of a {@code [rotation]} entry, {@code "<generator|prompt>:<shared|per-env>[:<max age>]"}.
 */
public final class RotationSpecParser {

    /** A generator id as the generator SPI defines it, a colon, a scope, and optionally a colon and a max age. */
    static final Pattern SPEC = Pattern.compile("(?<generator>" + GeneratorIds.WELL_FORMED.pattern()
            + "):(?<scope>shared|per-env)(?::(?<maxAge>" + Age.PATTERN.pattern() + "))?");

    private RotationSpecParser() {}

    /** True when a value has the shape of a rotation spec; used to spot a misspelt {@code [rotation]}. */
    public static boolean looksLikeSpec(String value) {
        return SPEC.matcher(value).matches();
    }

    public static RotationSpec parse(String key, String value, Position position) throws InvalidValueException {
        Matcher matcher = SPEC.matcher(value);
        if (!matcher.matches()) {
            throw new InvalidValueException(
                    "rotation spec '" + value + "' is not '<generator|prompt>:<shared|per-env>[:<max age>]'",
                    "write it as " + key + " = \"es256-jwk:shared\", " + key
                            + " = \"prompt:per-env\" or, to say when it is due, " + key
                            + " = \"es256-jwk:shared:90d\" (max age " + Age.FORM + ")");
        }
        RotationSpec.Scope scope = Arrays.stream(RotationSpec.Scope.values())
                .filter(s -> s.text().equals(matcher.group("scope")))
                .findFirst()
                .orElseThrow();
        Optional<Age> maxAge = Optional.ofNullable(matcher.group("maxAge")).flatMap(Age::parse);
        if (maxAge.filter(age -> age.duration().isZero()).isPresent()) {
            throw new InvalidValueException(
                    "the max age in rotation spec '" + value + "' is zero",
                    "give a max age longer than zero (" + key + " = \"" + matcher.group("generator") + ":" + scope
                            + ":90d\"), or leave it out (" + key + " = \"" + matcher.group("generator") + ":" + scope
                            + "\")");
        }
        return new RotationSpec(key, matcher.group("generator"), scope, maxAge, position);
    }
}

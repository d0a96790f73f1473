package dev.spectral.provision.rotate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code -Dspectral.valueFrom} for the prompted keys of a run: {@code env:NAME}, where {@code {KEY}}
 * in NAME stands for each prompted key's name ({@code env:NEW_{KEY}}). Without {@code {KEY}} it names
 * one variable, so it serves one prompted key only. Checked before anything is written; the pattern
 * is never shown unless it is well-formed (a malformed one may be the value itself, pasted in by mistake).
 */
final class ValueFrom {

    static final String KEY = "{KEY}";
    /** Never echoes what was given: it may well be the secret itself, pasted in by mistake. */
    static final String MALFORMED =
            "spectral.valueFrom must be env:NAME, naming an environment variable that holds the value; "
                    + "what was given is not shown, in case it is the value itself";

    private final Optional<String> pattern;

    private ValueFrom(Optional<String> pattern) {
        this.pattern = pattern;
    }

    static ValueFrom none() {
        return new ValueFrom(Optional.empty());
    }

    /**
     * @param environment the process environment, to say which variables are missing
     * @return the pattern, and the variable each prompted unit reads
     * @throws RotationException when the pattern is malformed, serves several keys without {@code {KEY}}, or
     *     makes two units read one variable
     */
    static ValueFrom check(Optional<String> pattern, List<RotationPlan> units) throws RotationException {
        List<RotationPlan> prompted =
                units.stream().filter(u -> u.spec().isPrompt()).toList();
        if (pattern.isEmpty() || prompted.isEmpty()) {
            return new ValueFrom(pattern);
        }
        String given = pattern.get();
        if (!given.startsWith(NewValue.ENV_PREFIX) || given.length() == NewValue.ENV_PREFIX.length()) {
            throw problem(MALFORMED);
        }
        long keys = prompted.stream().map(RotationPlan::key).distinct().count();
        if (!given.contains(KEY) && keys > 1) {
            throw problem(
                    "spectral.valueFrom names one variable, but " + keys + " prompted keys are selected ("
                            + String.join(
                                    ", ",
                                    prompted.stream().map(RotationPlan::label).toList())
                            + "): use a pattern with {KEY}, for example -Dspectral.valueFrom=env:NEW_{KEY}. Nothing was written");
        }
        ValueFrom valueFrom = new ValueFrom(pattern);
        Map<String, RotationPlan> readers = new LinkedHashMap<>();
        for (RotationPlan unit : prompted) {
            String name = valueFrom.variable(unit).orElseThrow();
            RotationPlan twin = readers.putIfAbsent(name, unit);
            if (twin != null) {
                throw problem(
                        twin.label() + " and " + unit.label() + " would both read " + name + " (spectral.valueFrom): "
                                + "rotate one environment at a time with -Denv. Nothing was written");
            }
        }
        return valueFrom;
    }

    /** The variables of the prompted units that are not set, or empty. */
    List<String> missing(List<RotationPlan> units, Map<String, String> environment) {
        List<String> missing = new ArrayList<>();
        for (RotationPlan unit : units) {
            variable(unit)
                    .filter(name -> environment.getOrDefault(name, "").isEmpty())
                    .ifPresent(missing::add);
        }
        return missing;
    }

    /** The refusal for {@link #missing} variables: nothing may be written when one would stop the run part-way. */
    static RotationException missingProblem(List<String> missing) {
        return problem(
                missing.size() == 1
                        ? "environment variable " + missing.get(0) + " (spectral.valueFrom) is not set or empty; "
                                + "nothing was written"
                        : "environment variables " + String.join(", ", missing) + " (spectral.valueFrom) are not set "
                                + "or empty; nothing was written");
    }

    /** {@code env:NAME} for this unit, when a pattern was given and the unit is prompted. */
    Optional<String> forUnit(RotationPlan unit) {
        return unit.spec().isPrompt() ? pattern.map(p -> p.replace(KEY, unit.key())) : Optional.empty();
    }

    /** The pattern as given, for a command that finishes the run. */
    Optional<String> pattern() {
        return pattern;
    }

    private Optional<String> variable(RotationPlan unit) {
        return forUnit(unit).map(v -> v.substring(NewValue.ENV_PREFIX.length()));
    }

    private static RotationException problem(String message) {
        return new RotationException(RotationException.Cause.CONFIGURATION, message);
    }
}

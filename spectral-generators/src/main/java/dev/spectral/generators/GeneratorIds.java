package dev.spectral.generators;

import java.util.regex.Pattern;

/**
 * The rules for generator ids, shared by the registry and by whoever parses {@code [rotation]}.
 *
 * <p>Ids are written by hand in {@code environments.toml} next to a scope
 * ({@code KEY = "<id>:<scope>"}), so they are kept to lower-case words joined by single dashes:
 * no colon, no case ambiguity, nothing that needs quoting.
 */
public final class GeneratorIds {

    /** Reserved: the value is typed in by a person, so no generator may claim it. */
    public static final String PROMPT = "prompt";

    /** Lower-case letters and digits, in words joined by single dashes. */
    public static final Pattern WELL_FORMED = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private GeneratorIds() {}

    /** Whether {@code id} matches {@link #WELL_FORMED}; {@code null} is not well formed. */
    public static boolean isWellFormed(String id) {
        return id != null && WELL_FORMED.matcher(id).matches();
    }
}

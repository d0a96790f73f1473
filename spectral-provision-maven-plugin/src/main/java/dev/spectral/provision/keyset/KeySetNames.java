package dev.spectral.provision.keyset;

import dev.spectral.provision.config.OpReference;

/**
 * Where a private JWK's companions live, named from the key so that nobody has to configure them:
 * in 1Password, beside the key's field in the same item and section, {@code <field>-jwks} holds the
 * key set and {@code <field>-next} the next private key during a two-phase rollover; in GitHub (and a
 * local .env), the variable {@code <KEY>_JWKS} holds the published set.
 */
public final class KeySetNames {

    public static final String SET_FIELD_SUFFIX = "-jwks";
    public static final String NEXT_FIELD_SUFFIX = "-next";
    public static final String VARIABLE_SUFFIX = "_JWKS";

    private KeySetNames() {}

    /** The field that keeps the key set, beside the private key's field. */
    public static OpReference set(OpReference key) {
        return key.withField(key.field() + SET_FIELD_SUFFIX);
    }

    /** The field that keeps the next private key between the two phases of a rollover. */
    public static OpReference next(OpReference key) {
        return key.withField(key.field() + NEXT_FIELD_SUFFIX);
    }

    /** The variable that publishes the set of key {@code key}. */
    public static String variable(String key) {
        return key + VARIABLE_SUFFIX;
    }
}

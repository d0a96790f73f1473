package dev.spectral.provision.rotate;

import dev.spectral.provision.config.Age;
import java.util.Objects;

/**
 * How the keys with a public key set roll over in a run.
 *
 * @param twoPhase publish the next key first and promote it in a later run
 * @param retain how long a key that stops signing stays in the set: the longest lifetime of the tokens it signed
 */
public record RolloverOptions(boolean twoPhase, Age retain) {

    /** Long enough for the tokens people sign with a service key (hours to days), short enough to keep sets small. */
    public static final Age DEFAULT_RETAIN = Age.parse("30d").orElseThrow();

    public static final RolloverOptions DEFAULT = new RolloverOptions(false, DEFAULT_RETAIN);

    public RolloverOptions {
        Objects.requireNonNull(retain);
    }
}

package dev.spectral.provision.testing;

import dev.spectral.provision.config.InvalidValueException;
import dev.spectral.provision.config.OpReference;
import dev.spectral.provision.config.OpReferenceParser;

/** References written as text in tests. */
public final class References {

    private References() {}

    public static OpReference ref(String text) {
        try {
            return OpReferenceParser.parse(text);
        } catch (InvalidValueException e) {
            throw new AssertionError(e);
        }
    }
}

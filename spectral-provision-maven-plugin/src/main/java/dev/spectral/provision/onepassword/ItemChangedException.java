package dev.spectral.provision.onepassword;

import dev.spectral.provision.config.OpReference;
import java.util.Optional;

/** A check-and-set write found the item changed since it was last seen: nothing was written. */
public final class ItemChangedException extends OnePasswordException {

    private static final long serialVersionUID = 1L;

    private final transient Optional<Long> expected;
    private final transient Optional<Long> actual;

    public ItemChangedException(OpReference target, Optional<Long> expected, Optional<Long> actual) {
        super("item " + target.vault() + "/" + target.item() + " changed since it was read ("
                + expected.map(v -> "version " + v).orElse("absent") + ", now "
                + actual.map(v -> "version " + v).orElse("absent") + ")");
        this.expected = expected;
        this.actual = actual;
    }

    public Optional<Long> expected() {
        return expected;
    }

    public Optional<Long> actual() {
        return actual;
    }
}

package dev.spectral.provision.rotate;

import dev.spectral.provision.config.OpReference;
import dev.spectral.provision.onepassword.ItemChangedException;
import dev.spectral.provision.onepassword.OnePassword;
import dev.spectral.provision.onepassword.OnePasswordException;
import dev.spectral.provision.secret.SecretValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 1Password side of a rotation: the version of each item written (read once, for the plan), the
 * check-and-set write of a new value, and reading it back through the path provisioning uses.
 */
final class UnitWriter {

    private final OnePassword onePassword;

    UnitWriter(OnePassword onePassword) {
        this.onePassword = onePassword;
    }

    /** The version of each item the units write, by {@link OpReference#itemId()}; empty for an item that does not exist. */
    Map<String, Optional<Long>> versions(List<RotationPlan> units) throws RotationException {
        Map<String, Optional<Long>> versions = new LinkedHashMap<>();
        for (RotationPlan unit : units) {
            if (!versions.containsKey(unit.target().itemId())) {
                versions.put(unit.target().itemId(), version(unit.target()));
            }
        }
        return versions;
    }

    private Optional<Long> version(OpReference target) throws RotationException {
        try {
            return onePassword.version(target);
        } catch (OnePasswordException e) {
            throw new RotationException(RotationException.Cause.TOOL, e.getMessage() + "; nothing was written", e);
        }
    }

    /**
     * Check-and-set on the item's version: a concurrent change since the plan was shown is never overwritten.
     *
     * @return the item's version after the write
     */
    long store(OpReference target, Optional<Long> before, SecretValue value) throws RotationException {
        try {
            return onePassword.write(target, value, before);
        } catch (ItemChangedException e) {
            throw new RotationException(
                    RotationException.Cause.CONFIGURATION,
                    "item " + target.vault() + "/" + target.item()
                            + " changed since the plan was shown ("
                            + e.expected().map(v -> "version " + v).orElse("absent") + ", now "
                            + e.actual().map(v -> "version " + v).orElse("absent")
                            + "): someone else may be rotating it. Nothing was written; check the item's history, then run again",
                    e);
        } catch (OnePasswordException e) {
            throw new RotationException(
                    RotationException.Cause.TOOL,
                    "writing the new value to 1Password failed: " + e.getMessage()
                            + ". Nothing was published; the old value is still live",
                    e);
        }
    }

    /** Through the same resolution path as provisioning: what it will publish is what was written. */
    void readBack(OpReference target, SecretValue value) throws RotationException {
        SecretValue stored;
        try {
            stored = onePassword.resolve(List.of(target)).get(target);
        } catch (OnePasswordException e) {
            throw new RotationException(
                    RotationException.Cause.TOOL,
                    "the new value was written to 1Password but cannot be read " + "back: " + e.getMessage()
                            + ". Nothing was published; check the item's history in 1Password",
                    e);
        }
        if (!value.equals(stored)) {
            throw new RotationException(
                    RotationException.Cause.TOOL,
                    "1Password returns a different value for " + target
                            + " than was written. Nothing was published; check the item's history in 1Password before running again");
        }
    }
}

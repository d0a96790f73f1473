package dev.spectral.provision.rotate;

import dev.spectral.provision.config.OpReference;
import dev.spectral.provision.keyset.Rollover;
import dev.spectral.provision.onepassword.ItemChangedException;
import dev.spectral.provision.onepassword.OnePassword;
import dev.spectral.provision.onepassword.OnePassword.ItemValues;
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

    /**
     * What the units' items hold, read once each before the plan is shown.
     *
     * @param versions the version of each item the units write, by {@link OpReference#itemId()}; empty for an item
     *     that does not exist
     * @param keyItems for each unit with a key set, by target: its key, next key and set fields
     */
    record Reads(Map<String, Optional<Long>> versions, Map<OpReference, Optional<ItemValues>> keyItems) {}

    Reads read(List<RotationPlan> units) throws RotationException {
        return read(units, Map.of());
    }

    /**
     * @param alreadyRead the key items this run read a moment ago (to see whether a next key waits), by
     *     target: not read again
     */
    Reads read(List<RotationPlan> units, Map<OpReference, Optional<ItemValues>> alreadyRead) throws RotationException {
        Map<String, Optional<Long>> versions = new LinkedHashMap<>();
        Map<OpReference, Optional<ItemValues>> keyItems = new LinkedHashMap<>();
        for (RotationPlan unit : units) {
            if (unit.keySet()) {
                Optional<ItemValues> item = alreadyRead.containsKey(unit.target())
                        ? alreadyRead.get(unit.target())
                        : keyItem(unit.target());
                keyItems.put(unit.target(), item);
                versions.putIfAbsent(unit.target().itemId(), item.map(ItemValues::version));
            } else if (!versions.containsKey(unit.target().itemId())) {
                versions.put(unit.target().itemId(), version(unit.target()));
            }
        }
        return new Reads(versions, keyItems);
    }

    /** The key, next key and key set fields of a key's item, with its version. */
    Optional<ItemValues> keyItem(OpReference target) throws RotationException {
        try {
            return onePassword.read(Rollover.fields(target));
        } catch (OnePasswordException e) {
            throw new RotationException(RotationException.Cause.TOOL, e.getMessage() + "; nothing was written", e);
        }
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
        return store(target, before, Map.of(target, Optional.of(value)));
    }

    /** As {@link #store(OpReference, Optional, SecretValue)}, for several fields of the target's item in one edit. */
    long store(OpReference target, Optional<Long> before, Map<OpReference, Optional<SecretValue>> fields)
            throws RotationException {
        try {
            return onePassword.write(fields, before);
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
        readBack(Map.of(target, value));
    }

    /** As {@link #readBack(OpReference, SecretValue)}, for several fields, in one resolution. */
    void readBack(Map<OpReference, SecretValue> written) throws RotationException {
        Map<OpReference, SecretValue> stored;
        try {
            stored = onePassword.resolve(written.keySet());
        } catch (OnePasswordException e) {
            throw new RotationException(
                    RotationException.Cause.TOOL,
                    "the new value was written to 1Password but cannot be read " + "back: " + e.getMessage()
                            + ". Nothing was published; check the item's history in 1Password",
                    e);
        }
        for (Map.Entry<OpReference, SecretValue> field : written.entrySet()) {
            if (!field.getValue().equals(stored.get(field.getKey()))) {
                throw new RotationException(
                        RotationException.Cause.TOOL,
                        "1Password returns a different value for " + field.getKey()
                                + " than was written. Nothing was published; check the item's history in 1Password before running again");
            }
        }
    }
}

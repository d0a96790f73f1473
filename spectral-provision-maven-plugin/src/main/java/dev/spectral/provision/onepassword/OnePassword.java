package dev.spectral.provision.onepassword;

import dev.spectral.provision.config.OpReference;
import dev.spectral.provision.secret.SecretValue;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The 1Password side: everything the plugin reads from or writes to 1Password, in the plugin's own
 * terms (references, versions, values). 1Password's item format stays behind it.
 */
public interface OnePassword {

    /**
     * Resolves every reference, each distinct reference once, with a number of calls that does not
     * grow with the number of references. All or nothing: on any failure, no value is returned.
     *
     * @return each reference's value, byte-exact
     * @throws OnePasswordException naming the reference that failed and why
     */
    Map<OpReference, SecretValue> resolve(Collection<OpReference> references) throws OnePasswordException;

    /**
     * When each item of a vault was last changed, from one cheap listing that holds no values.
     *
     * @return {@code updated_at} by item title and by item id, both lower-cased
     */
    Map<String, Instant> itemUpdates(String vault) throws OnePasswordException;

    /** The version (1Password's revision counter) of the item a reference reads, or empty when there is no such item. */
    Optional<Long> version(OpReference target) throws OnePasswordException;

    /**
     * Puts the value into the field the reference points at, creating the field (concealed) or the
     * item when missing and keeping everything else of the item; no value goes on a command line.
     * Check-and-set: nothing is written unless the item is still at the expected version.
     *
     * @param expected the item's version as last seen, or empty when it did not exist
     * @return the item's version after the write
     * @throws ItemChangedException when the item is no longer as expected; nothing was written
     */
    default long write(OpReference target, SecretValue value, Optional<Long> expected) throws OnePasswordException {
        return write(Map.of(target, Optional.of(value)), expected);
    }

    /**
     * As {@link #write(OpReference, SecretValue, Optional)} for several fields of one item, in one edit:
     * either all are written or none. A field mapped to empty is removed from the item.
     */
    long write(Map<OpReference, Optional<SecretValue>> fields, Optional<Long> expected) throws OnePasswordException;

    /**
     * Reads fields of one item in one call, each with the item's version, for a change that depends on
     * what the item holds now; a field the item does not have is left out.
     *
     * @param fields references to fields of one and the same item
     * @return the item's version and the values of the fields it has; empty when there is no such item
     */
    Optional<ItemValues> read(Collection<OpReference> fields) throws OnePasswordException;

    /** What {@link #read} found: the item's version and the values of the fields it has. */
    record ItemValues(long version, Map<OpReference, SecretValue> values) {
        public ItemValues {
            values = Map.copyOf(values);
        }

        public Optional<SecretValue> value(OpReference field) {
            return Optional.ofNullable(values.get(field));
        }
    }
}

package dev.spectral.provision.onepassword;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spectral.provision.config.OpReference;
import dev.spectral.provision.secret.SecretValue;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The 1Password side: everything the plugin reads from or writes to 1Password. */
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

    /** The item with its values, or empty when the vault has no such item. */
    Optional<Item> item(String vault, String item) throws OnePasswordException;

    /** Replaces the whole item (fields left out are removed), without putting any value on argv. */
    void replace(String vault, Item item, ObjectNode updated) throws OnePasswordException;

    /** Creates an item from its JSON, without putting any value on argv. */
    void create(String vault, ObjectNode item) throws OnePasswordException;
}

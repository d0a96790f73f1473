package dev.spectral.provision.onepassword;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A 1Password item as {@code op item get --format json --reveal} prints it. The JSON holds secret
 * values: it is only ever piped back to op, and {@link #toString()} shows no field.
 */
final class Item {

    private final ObjectNode json;

    Item(ObjectNode json) {
        this.json = Objects.requireNonNull(json);
    }

    String id() {
        return json.path("id").asText();
    }

    String title() {
        return json.path("title").asText();
    }

    /** 1Password's revision counter; it changes on every edit. */
    long version() {
        return json.path("version").asLong();
    }

    /** A deep copy, to change in memory before writing it back whole. */
    ObjectNode copyOfJson() {
        return json.deepCopy();
    }

    @Override
    public String toString() {
        return "item '" + title() + "' (" + id() + ", version " + version() + ")";
    }
}

package dev.spectral.provision.onepassword;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spectral.provision.config.OpReference;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Puts a value into the field a reference points at, in an item's JSON, the way 1Password matches
 * references: section and field by label or id, ignoring case. Everything else in the item is kept,
 * since {@code op item edit} removes whatever the piped JSON leaves out.
 */
final class ItemFields {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ItemFields() {}

    /** The item with the field set; a field that does not exist yet is added, concealed. */
    static ObjectNode withValue(ObjectNode item, OpReference target, String value) {
        ArrayNode fields = item.withArray("fields");
        Optional<ObjectNode> existing = find(fields, target);
        if (existing.isPresent()) {
            existing.get().put("value", value);
        } else {
            fields.add(newField(target, value));
            target.section().ifPresent(section -> declareSection(item, section));
        }
        return item;
    }

    /** The item without the field; an item without it is returned as it is. */
    static ObjectNode without(ObjectNode item, OpReference target) {
        ArrayNode fields = item.withArray("fields");
        indexOf(fields, target).ifPresent(fields::remove);
        return item;
    }

    /** The value of the field, when the item has it. */
    static Optional<String> value(ObjectNode item, OpReference target) {
        return find(item.withArray("fields"), target)
                .map(field -> field.path("value").asText());
    }

    /** 1Password's item JSON lists custom sections in "sections", and fields refer to them by id. */
    private static void declareSection(ObjectNode item, String section) {
        ArrayNode sections = item.withArray("sections");
        for (JsonNode existing : sections) {
            if (names(existing, section)) {
                return;
            }
        }
        sections.addObject().put("id", section).put("label", section);
    }

    /** A new, empty item named as the reference names it, for {@code op item create}; fields go in with {@link #withValue}. */
    static ObjectNode newItem(OpReference target) {
        ObjectNode item = NODES.objectNode();
        item.put("title", target.item());
        item.put("category", "API_CREDENTIAL");
        item.putArray("fields");
        return item;
    }

    private static ObjectNode newField(OpReference target, String value) {
        ObjectNode field = NODES.objectNode();
        field.put("id", target.field());
        field.put("type", "CONCEALED");
        field.put("label", target.field());
        field.put("value", value);
        target.section()
                .ifPresent(
                        section -> field.putObject("section").put("id", section).put("label", section));
        return field;
    }

    private static Optional<ObjectNode> find(ArrayNode fields, OpReference target) {
        return indexOf(fields, target).stream()
                .mapToObj(i -> (ObjectNode) fields.get(i))
                .findFirst();
    }

    /** The first field the reference names, as op matches it. */
    private static OptionalInt indexOf(ArrayNode fields, OpReference target) {
        for (int i = 0; i < fields.size(); i++) {
            JsonNode field = fields.get(i);
            boolean fieldMatches = names(field, target.field());
            boolean sectionMatches =
                    target.section().map(s -> names(field.path("section"), s)).orElse(true);
            if (fieldMatches && sectionMatches && field instanceof ObjectNode) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    private static boolean names(JsonNode node, String name) {
        return node.path("label").asText().equalsIgnoreCase(name)
                || node.path("id").asText().equalsIgnoreCase(name);
    }
}

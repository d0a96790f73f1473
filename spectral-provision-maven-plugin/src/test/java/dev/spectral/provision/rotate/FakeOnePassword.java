package dev.spectral.provision.rotate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spectral.provision.config.OpReference;
import dev.spectral.provision.onepassword.Item;
import dev.spectral.provision.onepassword.OnePassword;
import dev.spectral.provision.onepassword.OnePasswordException;
import dev.spectral.provision.secret.Redactor;
import dev.spectral.provision.secret.SecretValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * 1Password in memory. Items are held as {@code op item get --format json --reveal} prints them:
 * {@code id, title, version, category, vault, fields[{id, label, type, value, section{id, label}}]}.
 *
 * <p>References are resolved the way op matches them, independently of the code under test: vault,
 * then item by title or id, then field by label or id, all ignoring case; a reference with a section
 * only matches a field whose section has that label or id. {@link #replace} stores the piped JSON
 * whole (so fields left out are gone, as with {@code op item edit}) and bumps the version;
 * {@link #create} assigns an id and version 1.
 *
 * <p>Switches: {@link #failWrites()} makes every write fail; {@link #editElsewhereAfterNextRead()}
 * bumps the version of the item right after the next {@link #item} call returned it, as if someone
 * edited it in the 1Password app meanwhile; {@link #readBackDifferentValue(String)} makes every
 * {@link #resolve} after a write return another value.
 */
final class FakeOnePassword implements OnePassword {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The time every write stamps, later than any item's {@code updated_at} as built here. */
    static final String WRITTEN_AT = "2026-03-04T05:06:07Z";

    private final Redactor redactor;
    /** Vault name (lower-case) to its items, in insertion order. */
    private final Map<String, List<ObjectNode>> vaults = new LinkedHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);

    private volatile boolean failWrites;
    private volatile boolean editElsewhereAfterNextRead;
    private volatile Optional<String> readBackValue = Optional.empty();

    private final AtomicInteger itemCalls = new AtomicInteger();
    private final AtomicInteger itemUpdatesCalls = new AtomicInteger();
    private final AtomicInteger replaceCalls = new AtomicInteger();
    private final AtomicInteger createCalls = new AtomicInteger();
    private final List<List<OpReference>> resolveCalls = new CopyOnWriteArrayList<>();
    /** Every write, in order: {@code "replace vault/id"} or {@code "create vault/title"}. */
    private final List<String> writes = new CopyOnWriteArrayList<>();

    FakeOnePassword(Redactor redactor) {
        this.redactor = redactor;
    }

    // ---- building items ---------------------------------------------------------------------

    static ObjectNode item(String id, String title, long version, ObjectNode... fields) {
        ObjectNode item = NODES.objectNode();
        item.put("id", id);
        item.put("title", title);
        item.put("version", version);
        item.putObject("vault").put("id", "vlt0000000000000000000000a").put("name", "Spectral");
        item.put("category", "API_CREDENTIAL");
        item.put("created_at", "2025-01-02T03:04:05Z");
        item.put("updated_at", "2025-06-07T08:09:10Z");
        item.putArray("sections").addObject().put("id", "add more");
        for (ObjectNode field : fields) {
            item.withArray("fields").add(field);
        }
        return item;
    }

    static ObjectNode field(String id, String label, String type, String value) {
        ObjectNode field = NODES.objectNode();
        field.put("id", id);
        field.put("type", type);
        field.put("label", label);
        field.put("value", value);
        return field;
    }

    static ObjectNode field(String id, String label, String type, String value, String sectionId, String sectionLabel) {
        ObjectNode field = field(id, label, type, value);
        field.putObject("section").put("id", sectionId).put("label", sectionLabel);
        return field;
    }

    FakeOnePassword add(String vault, ObjectNode item) {
        vaults.computeIfAbsent(vault.toLowerCase(Locale.ROOT), v -> new CopyOnWriteArrayList<>()).add(item.deepCopy());
        return this;
    }

    void remove(String vault, String item) {
        find(vault, item).ifPresent(found -> vaults.get(vault.toLowerCase(Locale.ROOT)).remove(found));
    }

    // ---- switches ---------------------------------------------------------------------------

    void failWrites() {
        failWrites = true;
    }

    void editElsewhereAfterNextRead() {
        editElsewhereAfterNextRead = true;
    }

    void readBackDifferentValue(String value) {
        readBackValue = Optional.of(value);
    }

    // ---- what happened ----------------------------------------------------------------------

    /** A copy of the item as stored now. */
    Optional<ObjectNode> stored(String vault, String item) {
        return find(vault, item).map(ObjectNode::deepCopy);
    }

    long version(String vault, String item) {
        return find(vault, item).orElseThrow(() -> new AssertionError("no item " + item)).path("version").asLong();
    }

    /** The value a reference reads now, as op would resolve it (ignoring the read-back switch). */
    String valueOf(OpReference reference) {
        return lookup(reference).orElseThrow(() -> new AssertionError("reference does not resolve: " + reference));
    }

    int itemCalls() {
        return itemCalls.get();
    }

    int itemUpdatesCalls() {
        return itemUpdatesCalls.get();
    }

    int replaceCalls() {
        return replaceCalls.get();
    }

    int createCalls() {
        return createCalls.get();
    }

    /** Writes attempted, failed ones included. */
    int writeCalls() {
        return replaceCalls.get() + createCalls.get();
    }

    /** Writes that changed the store. */
    List<String> writes() {
        return List.copyOf(writes);
    }

    /** The references of each resolve call, in order. */
    List<List<OpReference>> resolveCalls() {
        return List.copyOf(resolveCalls);
    }

    // ---- OnePassword ------------------------------------------------------------------------

    @Override
    public Map<OpReference, SecretValue> resolve(Collection<OpReference> references) throws OnePasswordException {
        resolveCalls.add(List.copyOf(references));
        Map<OpReference, SecretValue> values = new LinkedHashMap<>();
        for (OpReference reference : new LinkedHashSet<>(references)) {
            Optional<String> value = lookup(reference);
            if (value.isEmpty()) {
                throw new OnePasswordException("reference " + reference + " failed: no such item or field (fake 1Password)");
            }
            String returned = !writes.isEmpty() && readBackValue.isPresent() ? readBackValue.get() : value.get();
            values.put(reference, SecretValue.of(returned, redactor));
        }
        return values;
    }

    /** Like {@code op item list}: {@code updated_at} by lower-cased title and by lower-cased id, no values. */
    @Override
    public Map<String, Instant> itemUpdates(String vault) {
        itemUpdatesCalls.incrementAndGet();
        Map<String, Instant> updates = new LinkedHashMap<>();
        for (ObjectNode item : vaults.getOrDefault(vault.toLowerCase(Locale.ROOT), List.of())) {
            Instant updated = Instant.parse(item.path("updated_at").asText("1970-01-01T00:00:00Z"));
            updates.put(item.path("title").asText().toLowerCase(Locale.ROOT), updated);
            updates.put(item.path("id").asText().toLowerCase(Locale.ROOT), updated);
        }
        return updates;
    }

    @Override
    public Optional<Item> item(String vault, String item) {
        itemCalls.incrementAndGet();
        Optional<ObjectNode> found = find(vault, item);
        Optional<Item> copy = found.map(json -> {
            ObjectNode printed = json.deepCopy();
            printed.path("fields").forEach(f -> {
                if (!f.path("value").asText().isEmpty()) {
                    redactor.register(f.path("value").asText());
                }
            });
            return new Item(printed);
        });
        if (editElsewhereAfterNextRead) {
            editElsewhereAfterNextRead = false;
            found.ifPresent(json -> json.put("version", json.path("version").asLong() + 1));
        }
        return copy;
    }

    @Override
    public void replace(String vault, Item item, ObjectNode updated) throws OnePasswordException {
        replaceCalls.incrementAndGet();
        if (failWrites) {
            throw new OnePasswordException("write item " + item.title() + " in vault " + vault
                    + " failed: (fake) 1Password is unavailable, HTTP 503");
        }
        ObjectNode current = find(vault, item.id()).orElseThrow(() -> new OnePasswordException("(fake) \"" + item.id()
                + "\" isn't an item in the \"" + vault + "\" vault"));
        ObjectNode next = updated.deepCopy();
        next.put("id", current.path("id").asText());
        next.put("version", current.path("version").asLong() + 1);
        next.put("updated_at", WRITTEN_AT);
        List<ObjectNode> items = vaults.get(vault.toLowerCase(Locale.ROOT));
        items.set(items.indexOf(current), next);
        writes.add("replace " + vault + "/" + current.path("id").asText());
    }

    @Override
    public void create(String vault, ObjectNode item) throws OnePasswordException {
        createCalls.incrementAndGet();
        if (failWrites) {
            throw new OnePasswordException("create item " + item.path("title").asText() + " in vault " + vault
                    + " failed: (fake) 1Password is unavailable, HTTP 503");
        }
        ObjectNode created = item.deepCopy();
        created.put("id", "created" + nextId.getAndIncrement());
        created.put("version", 1);
        created.put("created_at", WRITTEN_AT);
        created.put("updated_at", WRITTEN_AT);
        vaults.computeIfAbsent(vault.toLowerCase(Locale.ROOT), v -> new CopyOnWriteArrayList<>()).add(created);
        writes.add("create " + vault + "/" + created.path("title").asText());
    }

    // ---- op's matching ----------------------------------------------------------------------

    private Optional<ObjectNode> find(String vault, String item) {
        return vaults.getOrDefault(vault.toLowerCase(Locale.ROOT), List.of()).stream()
                .filter(json -> named(json, item, "title"))
                .findFirst();
    }

    private Optional<String> lookup(OpReference reference) {
        Optional<ObjectNode> item = find(reference.vault(), reference.item());
        if (item.isEmpty()) {
            return Optional.empty();
        }
        List<JsonNode> matches = new ArrayList<>();
        for (JsonNode field : item.get().path("fields")) {
            boolean sectionMatches = reference.section().map(s -> named(field.path("section"), s, "label")).orElse(true);
            if (named(field, reference.field(), "label") && sectionMatches) {
                matches.add(field);
            }
        }
        return matches.isEmpty() ? Optional.empty() : Optional.of(matches.get(0).path("value").asText());
    }

    private static boolean named(JsonNode node, String name, String nameMember) {
        return node.path(nameMember).asText().equalsIgnoreCase(name) || node.path("id").asText().equalsIgnoreCase(name);
    }
}

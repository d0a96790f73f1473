package dev.spectral.provision.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spectral.provision.config.OpReference;
import dev.spectral.provision.onepassword.ItemChangedException;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * 1Password in memory, the one fake of {@link OnePassword} in the tests. Items are held as
 * {@code op item get --format json --reveal} prints them:
 * {@code id, title, version, category, vault, fields[{id, label, type, value, section{id, label}}]}.
 *
 * <p>References are resolved the way op matches them, independently of the code under test: vault,
 * then item by title or id, then field by label or id, all ignoring case; a reference with a section
 * only matches a field whose section has that label or id. {@link #write} checks the expected
 * version, then sets the field (adding it, concealed, or the item, when missing), keeps every other
 * field, bumps the version and stamps {@link #WRITTEN_AT}.
 *
 * <p>Switches: {@link #failWrites()} makes every write fail; {@link #failWritesTo(String)} every write to one item;
 * {@link #editElsewhereAfterNextRead()}
 * bumps the version of the item right after the next {@link #version} call read it, as if someone
 * edited it in the 1Password app meanwhile; {@link #readBackDifferentValue(String)} makes every
 * {@link #resolve} after a write return another value; {@link #failResolving(String)} makes every
 * resolve fail; {@link #failListing()} makes every vault listing fail; {@link #listings} queues the
 * answers of the next vault listings.
 */
public final class FakeOnePassword implements OnePassword {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The time every write stamps, later than any item's {@code updated_at} as built here. */
    public static final String WRITTEN_AT = "2026-03-04T05:06:07Z";

    private final Redactor redactor;
    /** Vault name (lower-case) to its items, in insertion order. */
    private final Map<String, List<ObjectNode>> vaults = new LinkedHashMap<>();

    private final AtomicInteger nextId = new AtomicInteger(1);

    private volatile boolean failWrites;
    /** Items (lower-cased titles) whose writes fail. */
    private final Set<String> failWritesTo = ConcurrentHashMap.newKeySet();

    private volatile boolean editElsewhereAfterNextRead;
    private volatile Optional<String> readBackValue = Optional.empty();
    private volatile Optional<String> resolveFailure = Optional.empty();
    private volatile boolean failListing;
    /** Answers of the next vault listings, in order; when empty, listings answer from the items. */
    private final List<Map<String, Instant>> listings = new CopyOnWriteArrayList<>();

    private final List<String> listedVaults = new CopyOnWriteArrayList<>();

    private final AtomicInteger itemCalls = new AtomicInteger();
    private final AtomicInteger itemUpdatesCalls = new AtomicInteger();
    private final AtomicInteger replaceCalls = new AtomicInteger();
    private final AtomicInteger createCalls = new AtomicInteger();
    private final List<List<OpReference>> resolveCalls = new CopyOnWriteArrayList<>();
    /** Every write, in order: {@code "replace vault/id"} or {@code "create vault/title"}. */
    private final List<String> writes = new CopyOnWriteArrayList<>();

    public FakeOnePassword(Redactor redactor) {
        this.redactor = redactor;
    }

    // ---- building items ---------------------------------------------------------------------

    public static ObjectNode item(String id, String title, long version, ObjectNode... fields) {
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

    public static ObjectNode field(String id, String label, String type, String value) {
        ObjectNode field = NODES.objectNode();
        field.put("id", id);
        field.put("type", type);
        field.put("label", label);
        field.put("value", value);
        return field;
    }

    public static ObjectNode field(
            String id, String label, String type, String value, String sectionId, String sectionLabel) {
        ObjectNode field = field(id, label, type, value);
        field.putObject("section").put("id", sectionId).put("label", sectionLabel);
        return field;
    }

    /** A concealed value at a reference {@code op://vault/item/field}, its item created when missing. */
    public FakeOnePassword put(String reference, String value) {
        OpReference ref = References.ref(reference);
        Optional<ObjectNode> existing = find(ref.vault(), ref.item());
        ObjectNode item = existing.orElseGet(() -> {
            ObjectNode created = item("itm" + nextId.getAndIncrement(), ref.item(), 1);
            vaults.computeIfAbsent(ref.vault().toLowerCase(Locale.ROOT), v -> new CopyOnWriteArrayList<>())
                    .add(created);
            return created;
        });
        setField(item, ref, value);
        return this;
    }

    public FakeOnePassword add(String vault, ObjectNode item) {
        vaults.computeIfAbsent(vault.toLowerCase(Locale.ROOT), v -> new CopyOnWriteArrayList<>())
                .add(item.deepCopy());
        return this;
    }

    public void remove(String vault, String item) {
        find(vault, item)
                .ifPresent(found -> vaults.get(vault.toLowerCase(Locale.ROOT)).remove(found));
    }

    // ---- switches ---------------------------------------------------------------------------

    public void failWrites() {
        failWrites = true;
    }

    /** Every write to this item (by title, ignoring case) fails as {@link #failWrites()} does; other items are written. */
    public void failWritesTo(String item) {
        failWritesTo.add(item.toLowerCase(Locale.ROOT));
    }

    /** Writes succeed again. */
    public void clearWriteFailures() {
        failWrites = false;
        failWritesTo.clear();
    }

    public void editElsewhereAfterNextRead() {
        editElsewhereAfterNextRead = true;
    }

    public void readBackDifferentValue(String value) {
        readBackValue = Optional.of(value);
    }

    public void failResolving(String message) {
        resolveFailure = Optional.of(message);
    }

    public void failListing() {
        failListing = true;
    }

    /** The next vault listings answer these, in order. */
    public void listings(List<Map<String, Instant>> answers) {
        listings.addAll(answers);
    }

    // ---- what happened ----------------------------------------------------------------------

    /** A copy of the item as stored now. */
    public Optional<ObjectNode> stored(String vault, String item) {
        return find(vault, item).map(ObjectNode::deepCopy);
    }

    public long version(String vault, String item) {
        return find(vault, item)
                .orElseThrow(() -> new AssertionError("no item " + item))
                .path("version")
                .asLong();
    }

    /** The value a reference reads now, as op would resolve it (ignoring the read-back switch). */
    public String valueOf(OpReference reference) {
        return lookup(reference).orElseThrow(() -> new AssertionError("reference does not resolve: " + reference));
    }

    public int versionCalls() {
        return itemCalls.get();
    }

    public int itemUpdatesCalls() {
        return itemUpdatesCalls.get();
    }

    public int replaceCalls() {
        return replaceCalls.get();
    }

    public int createCalls() {
        return createCalls.get();
    }

    /** Writes attempted, failed ones included. */
    public int writeCalls() {
        return replaceCalls.get() + createCalls.get();
    }

    /** Writes that changed the store. */
    public List<String> writes() {
        return List.copyOf(writes);
    }

    /** Every field value held now, for leak checks. */
    public List<String> allValues() {
        List<String> values = new ArrayList<>();
        vaults.values()
                .forEach(items -> items.forEach(item -> item.path("fields")
                        .forEach(f -> values.add(f.path("value").asText()))));
        return values;
    }

    /** The vaults listed, in order. */
    public List<String> listedVaults() {
        return List.copyOf(listedVaults);
    }

    /** The references of each resolve call, in order. */
    public List<List<OpReference>> resolveCalls() {
        return List.copyOf(resolveCalls);
    }

    // ---- OnePassword ------------------------------------------------------------------------

    @Override
    public Map<OpReference, SecretValue> resolve(Collection<OpReference> references) throws OnePasswordException {
        resolveCalls.add(List.copyOf(references));
        if (resolveFailure.isPresent()) {
            throw new OnePasswordException(resolveFailure.get());
        }
        Map<OpReference, SecretValue> values = new LinkedHashMap<>();
        for (OpReference reference : new LinkedHashSet<>(references)) {
            Optional<String> value = lookup(reference);
            if (value.isEmpty()) {
                throw new OnePasswordException(
                        "reference " + reference + " failed: no such item or field (fake 1Password)");
            }
            String returned = !writes.isEmpty() && readBackValue.isPresent() ? readBackValue.get() : value.get();
            values.put(reference, SecretValue.of(returned, redactor));
        }
        return values;
    }

    /** Like {@code op item list}: {@code updated_at} by lower-cased title and by lower-cased id, no values. */
    @Override
    public Map<String, Instant> itemUpdates(String vault) throws OnePasswordException {
        itemUpdatesCalls.incrementAndGet();
        listedVaults.add(vault);
        if (failListing) {
            throw new OnePasswordException(
                    "[ERROR] (fake) You do not have permission to list the items of vault " + vault);
        }
        if (!listings.isEmpty()) {
            return listings.remove(0);
        }
        Map<String, Instant> updates = new LinkedHashMap<>();
        for (ObjectNode item : vaults.getOrDefault(vault.toLowerCase(Locale.ROOT), List.of())) {
            Instant updated = Instant.parse(item.path("updated_at").asText("1970-01-01T00:00:00Z"));
            updates.put(item.path("title").asText().toLowerCase(Locale.ROOT), updated);
            updates.put(item.path("id").asText().toLowerCase(Locale.ROOT), updated);
        }
        return updates;
    }

    @Override
    public Optional<Long> version(OpReference target) {
        itemCalls.incrementAndGet();
        Optional<ObjectNode> found = find(target.vault(), target.item());
        found.ifPresent(json -> json.path("fields").forEach(f -> {
            if (!f.path("value").asText().isEmpty()) {
                redactor.register(f.path("value").asText());
            }
        }));
        Optional<Long> version = found.map(json -> json.path("version").asLong());
        if (editElsewhereAfterNextRead) {
            editElsewhereAfterNextRead = false;
            found.ifPresent(json -> json.put("version", json.path("version").asLong() + 1));
        }
        return version;
    }

    @Override
    public Optional<ItemValues> read(Collection<OpReference> fields) {
        OpReference any = fields.iterator().next();
        Optional<Long> version = version(any);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        Map<OpReference, SecretValue> values = new LinkedHashMap<>();
        fields.forEach(f -> lookup(f).ifPresent(v -> values.put(f, SecretValue.of(v, redactor))));
        return Optional.of(new ItemValues(version.get(), values));
    }

    @Override
    public long write(Map<OpReference, Optional<SecretValue>> fields, Optional<Long> expected)
            throws OnePasswordException {
        OpReference target = fields.keySet().iterator().next();
        Optional<ObjectNode> current = find(target.vault(), target.item());
        Optional<Long> actual = current.map(json -> json.path("version").asLong());
        if (!actual.equals(expected)) {
            throw new ItemChangedException(target, expected, actual);
        }
        (current.isPresent() ? replaceCalls : createCalls).incrementAndGet();
        if (failWrites || failWritesTo.contains(target.item().toLowerCase(Locale.ROOT))) {
            throw new OnePasswordException((current.isPresent() ? "write" : "create") + " item " + target.item()
                    + " in vault " + target.vault() + " failed: (fake) 1Password is unavailable, HTTP 503");
        }
        ObjectNode item = current.orElseGet(() -> {
            ObjectNode created = NODES.objectNode();
            created.put("id", "created" + nextId.getAndIncrement());
            created.put("title", target.item());
            created.put("category", "API_CREDENTIAL");
            created.put("version", 0);
            created.put("created_at", WRITTEN_AT);
            vaults.computeIfAbsent(target.vault().toLowerCase(Locale.ROOT), v -> new CopyOnWriteArrayList<>())
                    .add(created);
            return created;
        });
        fields.forEach((field, value) -> {
            if (value.isPresent()) {
                setField(item, field, value.get().reveal());
            } else {
                removeField(item, field);
            }
        });
        item.put("version", item.path("version").asLong() + 1);
        item.put("updated_at", WRITTEN_AT);
        writes.add(
                (current.isPresent()
                        ? "replace " + target.vault() + "/" + item.path("id").asText()
                        : "create " + target.vault() + "/" + target.item()));
        return item.path("version").asLong();
    }

    /** Sets the field a reference names, as op matches it; a missing one is added, concealed, in its section. */
    private static void setField(ObjectNode item, OpReference target, String value) {
        for (JsonNode field : item.withArray("fields")) {
            boolean sectionMatches = target.section()
                    .map(s -> named(field.path("section"), s, "label"))
                    .orElse(true);
            if (named(field, target.field(), "label") && sectionMatches) {
                ((ObjectNode) field).put("value", value);
                return;
            }
        }
        ObjectNode field = target.section()
                .map(s -> field(target.field(), target.field(), "CONCEALED", value, s, s))
                .orElseGet(() -> field(target.field(), target.field(), "CONCEALED", value));
        item.withArray("fields").add(field);
    }

    private static void removeField(ObjectNode item, OpReference target) {
        var fields = item.withArray("fields");
        for (int i = 0; i < fields.size(); i++) {
            JsonNode field = fields.get(i);
            boolean sectionMatches = target.section()
                    .map(s -> named(field.path("section"), s, "label"))
                    .orElse(true);
            if (named(field, target.field(), "label") && sectionMatches) {
                fields.remove(i);
                return;
            }
        }
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
            boolean sectionMatches = reference
                    .section()
                    .map(s -> named(field.path("section"), s, "label"))
                    .orElse(true);
            if (named(field, reference.field(), "label") && sectionMatches) {
                matches.add(field);
            }
        }
        return matches.isEmpty()
                ? Optional.empty()
                : Optional.of(matches.get(0).path("value").asText());
    }

    private static boolean named(JsonNode node, String name, String nameMember) {
        return node.path(nameMember).asText().equalsIgnoreCase(name)
                || node.path("id").asText().equalsIgnoreCase(name);
    }
}

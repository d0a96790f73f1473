package dev.spectral.provision.keyset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A key's public key set as kept in 1Password: a JWK Set (RFC 7517, section 5) of public keys, newest
 * first, with one extra member, {@code "retire"}, saying when each key that no longer signs leaves the
 * set (RFC 7517 lets a set carry members its readers ignore). What is published is the set without
 * that member and without the keys whose time has come. Immutable; every change returns a new set.
 */
public final class KeySet {

    static final String RETIRE = "retire";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ObjectNode> keys;
    private final Map<String, Instant> retire;

    private KeySet(List<ObjectNode> keys, Map<String, Instant> retire) {
        this.keys = List.copyOf(keys);
        this.retire = Map.copyOf(retire);
    }

    public static KeySet empty() {
        return new KeySet(List.of(), Map.of());
    }

    /**
     * Reads a stored set. Every key goes through {@link PublicJwk}, so a private member written into
     * the item by hand is dropped rather than published.
     */
    public static KeySet parse(String stored) throws InvalidKeyException {
        JsonNode root;
        try {
            root = JSON.readTree(stored);
        } catch (IOException e) {
            throw new InvalidKeyException("is not JSON, so not a key set");
        }
        if (!(root instanceof ObjectNode) || !root.path("keys").isArray()) {
            throw new InvalidKeyException("is not a key set: a JSON object with a \"keys\" array");
        }
        List<ObjectNode> keys = new ArrayList<>();
        for (JsonNode key : root.path("keys")) {
            ObjectNode publicKey = PublicJwk.of(key);
            if (keys.stream().noneMatch(k -> kid(k).equals(kid(publicKey)))) {
                keys.add(publicKey);
            }
        }
        Map<String, Instant> retire = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.path(RETIRE).properties()) {
            try {
                retire.put(entry.getKey(), Instant.parse(entry.getValue().asText()));
            } catch (DateTimeParseException e) {
                throw new InvalidKeyException(
                        "has a \"retire\" time that is not an ISO-8601 instant for key " + entry.getKey());
            }
        }
        return new KeySet(keys, retire);
    }

    /** The set with this public key first (moved there if it is already in the set), not retiring. */
    public KeySet withSigningKey(ObjectNode publicKey) {
        return with(publicKey, 0);
    }

    /** The set with this public key added after the others still live (the next key of a two-phase rollover). */
    public KeySet withNextKey(ObjectNode publicKey) {
        return with(publicKey, 1);
    }

    private KeySet with(ObjectNode publicKey, int position) {
        List<ObjectNode> list = new ArrayList<>(keys);
        list.removeIf(k -> kid(k).equals(kid(publicKey)));
        list.add(Math.min(position, list.size()), publicKey);
        Map<String, Instant> times = new LinkedHashMap<>(retire);
        times.remove(kid(publicKey));
        return new KeySet(list, times);
    }

    /** The set with a key that stopped signing: it stays until {@code until}. */
    public KeySet retiring(String kid, Instant until) {
        if (keys.stream().noneMatch(k -> kid(k).equals(kid))) {
            return this;
        }
        Map<String, Instant> times = new LinkedHashMap<>(retire);
        times.put(kid, until);
        return new KeySet(keys, times);
    }

    /** The set without the keys whose retirement time has come. */
    public KeySet withoutExpired(Instant now) {
        List<ObjectNode> list = new ArrayList<>(keys);
        list.removeIf(k -> expired(kid(k), now));
        Map<String, Instant> times = new LinkedHashMap<>(retire);
        times.keySet().removeIf(kid -> list.stream().noneMatch(k -> kid(k).equals(kid)));
        return new KeySet(list, times);
    }

    private boolean expired(String kid, Instant now) {
        return Optional.ofNullable(retire.get(kid)).filter(t -> !t.isAfter(now)).isPresent();
    }

    public List<String> kids() {
        return keys.stream().map(KeySet::kid).toList();
    }

    /** When a key that no longer signs leaves the set; empty for a key that signs or will. */
    public Optional<Instant> retires(String kid) {
        return Optional.ofNullable(retire.get(kid));
    }

    /** As kept in 1Password: the set and when each retired key leaves it. */
    public String stored() {
        ObjectNode root = published();
        if (!retire.isEmpty()) {
            ObjectNode times = root.putObject(RETIRE);
            retire.forEach((kid, until) -> times.put(kid, until.toString()));
        }
        return root.toString();
    }

    /** As published: a plain JWK Set of public keys. */
    public String publishedJson() {
        return published().toString();
    }

    private ObjectNode published() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray("keys");
        keys.forEach(k -> array.add(k.deepCopy()));
        return root;
    }

    static String kid(JsonNode key) {
        return key.path("kid").asText();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeySet set && set.keys.equals(keys) && set.retire.equals(retire);
    }

    @Override
    public int hashCode() {
        return keys.hashCode() * 31 + retire.hashCode();
    }

    @Override
    public String toString() {
        return stored();
    }
}

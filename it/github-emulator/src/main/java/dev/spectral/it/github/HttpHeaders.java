package dev.spectral.it.github;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An ordered, case-insensitive multimap of header fields. */
final class HttpHeaders {
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final Map<String, String> spelling = new LinkedHashMap<>();

    HttpHeaders add(String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        spelling.putIfAbsent(key, name);
        values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        return this;
    }

    HttpHeaders set(String name, String value) {
        remove(name);
        return add(name, value);
    }

    void remove(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        values.remove(key);
        spelling.remove(key);
    }

    Optional<String> first(String name) {
        List<String> list = values.get(name.toLowerCase(Locale.ROOT));
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    List<String> all(String name) {
        return List.copyOf(values.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
    }

    boolean contains(String name) {
        return values.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** True when a comma-separated header (Connection, Transfer-Encoding) lists the token. */
    boolean hasToken(String name, String token) {
        for (String value : all(name)) {
            for (String part : value.split(",")) {
                if (part.trim().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every field as (name as first spelled, value), in insertion order. */
    List<Map.Entry<String, String>> entries() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        values.forEach((key, list) -> list.forEach(v -> out.add(Map.entry(spelling.get(key), v))));
        return out;
    }
}

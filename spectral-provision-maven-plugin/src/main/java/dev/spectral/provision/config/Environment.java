package dev.spectral.provision.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One environment table, with its entries in file order. */
public record Environment(String name, Position position, List<Entry> entries) {

    public Environment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
        entries = List.copyOf(entries);
    }

    public Optional<Entry> entry(String key) {
        return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    public List<Entry> secrets() {
        return entries.stream().filter(Entry::isSecret).toList();
    }

    public List<Entry> literals() {
        return entries.stream().filter(e -> !e.isSecret()).toList();
    }
}

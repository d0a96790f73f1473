package dev.spectral.it.github;

import java.time.Instant;
import java.util.TreeMap;

/** One deployment environment: secrets and variables keyed by upper-case name, sorted. */
final class EnvironmentState {
    final String name;
    final long id;
    final Instant createdAt;
    Instant updatedAt;
    final TreeMap<String, StoredSecret> secrets = new TreeMap<>();
    final TreeMap<String, StoredVariable> variables = new TreeMap<>();

    EnvironmentState(String name, long id, Instant createdAt, Instant updatedAt) {
        this.name = name;
        this.id = id;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }
}

package dev.spectral.it.github;

import java.util.TreeMap;

/** One repository ("owner/name" as first used) and its environments (names case-insensitive). */
final class RepoState {
    final String fullName;
    final long id;
    final TreeMap<String, EnvironmentState> environments = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    RepoState(String fullName, long id) {
        this.fullName = fullName;
        this.id = id;
    }

    String owner() {
        return fullName.substring(0, fullName.indexOf('/'));
    }

    String name() {
        return fullName.substring(fullName.indexOf('/') + 1);
    }
}

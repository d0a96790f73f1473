package dev.spectral.it.github;

import java.util.Optional;
import java.util.TreeMap;

/** Everything the emulator knows: repositories by case-insensitive "owner/name", and an id counter. */
final class EmulatorState {
    static final long FIRST_ID = 100_000_001L;

    final TreeMap<String, RepoState> repos = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private long nextId = FIRST_ID;

    long newId() {
        return nextId++;
    }

    /** After loading: ids handed out later must not clash with loaded ones. */
    void reserveIdsUpTo(long used) {
        nextId = Math.max(nextId, used + 1);
    }

    Optional<RepoState> repo(String fullName) {
        return Optional.ofNullable(repos.get(fullName));
    }

    Optional<RepoState> repoById(long id) {
        return repos.values().stream().filter(r -> r.id == id).findFirst();
    }
}

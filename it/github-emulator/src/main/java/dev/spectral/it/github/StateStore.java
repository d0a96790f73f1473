package dev.spectral.it.github;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** The live state plus its file: lookups that create on first use, and a save after each change. */
final class StateStore {
    private final EmulatorState state;
    private final StateFile file;
    private final EmulatorClock clock;

    private StateStore(EmulatorState state, StateFile file, EmulatorClock clock) {
        this.state = state;
        this.file = file;
        this.clock = clock;
    }

    static StateStore open(StateFile file, EmulatorClock clock) throws IOException {
        return new StateStore(file.load(clock), file, clock);
    }

    /** Any repository exists: the first request naming it creates it. */
    RepoState repo(String owner, String name) {
        String fullName = owner + "/" + name;
        return state.repo(fullName).orElseGet(() -> {
            RepoState repo = new RepoState(fullName, state.newId());
            state.repos.put(fullName, repo);
            save();
            return repo;
        });
    }

    RepoState repoById(long id) {
        return state.repoById(id).orElseThrow(ApiException::notFound);
    }

    EnvironmentState environment(RepoState repo, String name) {
        EnvironmentState env = repo.environments.get(name);
        if (env == null) {
            throw ApiException.notFound();
        }
        return env;
    }

    /** Creates the environment if absent; returns it either way. */
    EnvironmentState createEnvironment(RepoState repo, String name) {
        EnvironmentState existing = repo.environments.get(name);
        if (existing != null) {
            return existing;
        }
        Instant now = clock.nextWrite();
        EnvironmentState env = new EnvironmentState(name, state.newId(), now, now);
        repo.environments.put(name, env);
        save();
        return env;
    }

    void deleteEnvironment(RepoState repo, String name) {
        if (repo.environments.remove(name) == null) {
            throw ApiException.notFound();
        }
        save();
    }

    void save() {
        try {
            file.save(state);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file.path(), e);
        }
    }

    EmulatorClock clock() {
        return clock;
    }

    /** For tests in the same JVM. */
    EmulatorState state() {
        return state;
    }
}

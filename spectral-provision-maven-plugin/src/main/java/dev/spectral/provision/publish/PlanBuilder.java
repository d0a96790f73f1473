package dev.spectral.provision.publish;

import dev.spectral.provision.config.Entry;
import dev.spectral.provision.config.Environment;
import dev.spectral.provision.config.OpReference;
import dev.spectral.provision.github.RemoteState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Compares what the file wants for an environment with what GitHub holds, and lists the changes. */
public final class PlanBuilder {

    private PlanBuilder() {}

    /**
     * @param prune delete names GitHub has and the file does not (otherwise they are only listed)
     * @param freshness when items last changed: a secret GitHub set after that is left unchanged
     */
    public static List<Change> forGitHub(
            Environment environment, RemoteState remote, boolean prune, SecretFreshness freshness) {
        String env = environment.name();
        List<Change> changes = new ArrayList<>();
        Set<String> wanted = new TreeSet<>();
        for (Entry entry : environment.entries()) {
            String name = entry.key().toUpperCase(Locale.ROOT);
            wanted.add(name);
            if (entry.isSecret()) {
                OpReference ref = entry.reference().orElseThrow();
                boolean current = remote.hasSecret(name)
                        && freshness.current(ref, remote.secrets().get(name));
                changes.add(new Change(
                        env,
                        entry.key(),
                        Kind.SECRET,
                        current ? Action.UNCHANGED : Action.SET,
                        ref.toString(),
                        Optional.empty(),
                        current ? Optional.of("set after its item last changed") : Optional.empty()));
                if (remote.variable(name).isPresent()) {
                    changes.add(deletion(env, entry.key(), Kind.VARIABLE, "kind changed to secret"));
                }
            } else {
                String value = entry.literal().orElseThrow();
                Action action = remote.variable(name)
                        .map(v -> v.equals(value) ? Action.UNCHANGED : Action.UPDATE)
                        .orElse(Action.CREATE);
                changes.add(new Change(
                        env, entry.key(), Kind.VARIABLE, action, Change.LITERAL, Optional.of(value), Optional.empty()));
                if (remote.hasSecret(name)) {
                    changes.add(deletion(env, entry.key(), Kind.SECRET, "kind changed to variable"));
                }
            }
        }
        for (String name : new TreeSet<>(remote.secrets().keySet())) {
            if (!wanted.contains(name)) {
                changes.add(stale(env, name, Kind.SECRET, prune));
            }
        }
        for (String name : new TreeSet<>(remote.variables().keySet())) {
            if (!wanted.contains(name)) {
                changes.add(stale(env, name, Kind.VARIABLE, prune));
            }
        }
        return changes;
    }

    /**
     * A local environment: every key is written to the .env file, unless it already holds exactly that.
     *
     * @param unchanged the .env file already holds what would be written
     */
    public static List<Change> forDotEnv(Environment environment, boolean unchanged) {
        Action action = unchanged ? Action.UNCHANGED : Action.WRITE;
        return environment.entries().stream()
                .map(e -> new Change(
                        environment.name(),
                        e.key(),
                        e.isSecret() ? Kind.SECRET : Kind.VARIABLE,
                        action,
                        e.reference().map(Object::toString).orElse(Change.LITERAL),
                        e.literal(),
                        Optional.empty()))
                .toList();
    }

    private static Change deletion(String env, String key, Kind kind, String why) {
        return new Change(env, key, kind, Action.DELETE, Change.NOT_IN_FILE, Optional.empty(), Optional.of(why));
    }

    private static Change stale(String env, String name, Kind kind, boolean prune) {
        return new Change(
                env,
                name,
                kind,
                prune ? Action.DELETE : Action.STALE,
                Change.NOT_IN_FILE,
                Optional.empty(),
                Optional.of(prune ? "pruned" : "not in the file; -Dspectral.prune deletes it"));
    }
}

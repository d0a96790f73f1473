package dev.spectral.provision.publish;

import dev.spectral.provision.config.Entry;
import dev.spectral.provision.config.Environment;
import dev.spectral.provision.config.OpReference;
import dev.spectral.provision.log.Log;
import dev.spectral.provision.secret.SecretValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A local environment as a {@code .env} file: its text, whether the file already holds it, and writing it. */
final class DotEnvTarget {

    private final DotEnvWriter writer;
    private final Log log;

    DotEnvTarget(DotEnvWriter writer, Log log) {
        this.writer = writer;
        this.log = log;
    }

    /** True when the file already holds exactly what would be written. */
    boolean upToDate(Environment env, Map<OpReference, SecretValue> values, Path file) {
        return text(env, values).map(text -> writer.holds(file, text)).orElse(false);
    }

    /** Why the environment cannot be written, when a value cannot be written so that the loaders agree. */
    Optional<String> problem(Environment env, Map<OpReference, SecretValue> values) {
        try {
            DotEnvFormat.render(env.name(), header(env), values(env, values));
            return Optional.empty();
        } catch (DotEnvFormat.UnwritableValueException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The .env text of a local environment; empty when a value cannot be written so that loaders agree. */
    private static Optional<String> text(Environment env, Map<OpReference, SecretValue> values) {
        try {
            return Optional.of(DotEnvFormat.render(env.name(), header(env), values(env, values)));
        } catch (DotEnvFormat.UnwritableValueException e) {
            return Optional.empty();
        }
    }

    private static String header(Environment env) {
        return "Written by spectral:provision -Denv=" + env.name() + ". Local values: never commit this file.";
    }

    private static Map<String, String> values(Environment env, Map<OpReference, SecretValue> values) {
        Map<String, String> content = new LinkedHashMap<>();
        for (Entry entry : env.entries()) {
            content.put(
                    entry.key(),
                    entry.reference()
                            .map(r -> values.get(r).reveal())
                            .orElseGet(() -> entry.literal().orElseThrow()));
        }
        return content;
    }

    /** Writes the environment's planned changes; every one of them gets the result of the one write. */
    List<ChangeResult> write(Environment env, Map<OpReference, SecretValue> values, Path file, List<Change> changes) {
        if (changes.stream().allMatch(c -> c.action() == Action.UNCHANGED)) {
            log.info("[" + env.name() + "] " + file + " is up to date");
            return changes.stream()
                    .map(c -> ChangeResult.skipped(c, "nothing to write"))
                    .toList();
        }
        long start = System.nanoTime();
        Map<String, String> content = values(env, values);
        Optional<String> error = Optional.empty();
        try {
            writer.write(file, DotEnvFormat.render(env.name(), header(env), content));
            log.info("[" + env.name() + "] wrote " + content.size() + " key(s) to " + file + " (mode 0600)");
        } catch (DotEnvWriter.DotEnvException | DotEnvFormat.UnwritableValueException e) {
            error = Optional.of(e.getMessage());
            log.error("[" + env.name() + "] " + e.getMessage());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        ChangeResult.Status status = error.isPresent() ? ChangeResult.Status.FAILED : ChangeResult.Status.DONE;
        Optional<String> message = error;
        return changes.stream()
                .map(c -> new ChangeResult(c, status, message, took))
                .toList();
    }
}

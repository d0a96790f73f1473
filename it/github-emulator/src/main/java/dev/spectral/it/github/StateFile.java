package dev.spectral.it.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes {@code state.json}. Secret values are stored as plaintext ("value") so tests
 * can assert what reached "GitHub"; a value that is not valid UTF-8 is stored as "value_base64".
 */
final class StateFile {
    private final Path file;

    StateFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    EmulatorState load(EmulatorClock clock) throws IOException {
        EmulatorState state = new EmulatorState();
        if (!Files.exists(file)) {
            return state;
        }
        JsonNode root = Json.MAPPER.readTree(Files.readAllBytes(file));
        JsonNode repos = root == null ? null : root.get("repos");
        if (repos == null) {
            return state;
        }
        reserveGivenIds(repos, state);
        for (Map.Entry<String, JsonNode> r : repos.properties()) {
            if (r.getKey().indexOf('/') <= 0) {
                throw new IOException(file + ": repository \"" + r.getKey() + "\" is not owner/name");
            }
            RepoState repo = new RepoState(
                    r.getKey(), r.getValue().has("id") ? r.getValue().get("id").asLong() : state.newId());
            state.repos.put(repo.fullName, repo);
            for (Map.Entry<String, JsonNode> e :
                    r.getValue().path("environments").properties()) {
                EnvironmentState env = readEnvironment(e.getKey(), e.getValue(), state, clock);
                repo.environments.put(env.name, env);
            }
        }
        return state;
    }

    /** Ids written in the file (a seeded file may leave some out) are reserved before any is handed out. */
    private static void reserveGivenIds(JsonNode repos, EmulatorState state) {
        repos.forEach(repo -> {
            state.reserveIdsUpTo(repo.path("id").asLong(0));
            repo.path("environments")
                    .forEach(env -> state.reserveIdsUpTo(env.path("id").asLong(0)));
        });
    }

    private static EnvironmentState readEnvironment(
            String name, JsonNode node, EmulatorState state, EmulatorClock clock) {
        long id = node.has("id") ? node.get("id").asLong() : state.newId();
        Instant created = stamp(node, "created_at", clock);
        EnvironmentState env = new EnvironmentState(name, id, created, stamp(node, "updated_at", clock));
        node.path("secrets")
                .properties()
                .forEach(s -> env.secrets.put(
                        s.getKey().toUpperCase(Locale.ROOT),
                        new StoredSecret(
                                secretValue(s.getValue()),
                                stamp(s.getValue(), "created_at", clock),
                                stamp(s.getValue(), "updated_at", clock))));
        node.path("variables")
                .properties()
                .forEach(v -> env.variables.put(
                        v.getKey().toUpperCase(Locale.ROOT),
                        new StoredVariable(
                                v.getValue().path("value").asText(),
                                stamp(v.getValue(), "created_at", clock),
                                stamp(v.getValue(), "updated_at", clock))));
        return env;
    }

    private static byte[] secretValue(JsonNode node) {
        if (node.has("value_base64")) {
            return Base64.getDecoder().decode(node.get("value_base64").asText());
        }
        return node.path("value").asText().getBytes(StandardCharsets.UTF_8);
    }

    private static Instant stamp(JsonNode node, String field, EmulatorClock clock) {
        JsonNode text = node.get(field);
        Instant instant = text == null ? clock.now() : EmulatorClock.parse(text.asText());
        clock.observe(instant);
        return instant;
    }

    void save(EmulatorState state) throws IOException {
        ObjectNode root = Json.object();
        ObjectNode repos = root.putObject("repos");
        for (RepoState repo : state.repos.values()) {
            ObjectNode r = repos.putObject(repo.fullName);
            r.put("id", repo.id);
            ObjectNode envs = r.putObject("environments");
            for (EnvironmentState env : repo.environments.values()) {
                ObjectNode e = envs.putObject(env.name);
                e.put("id", env.id);
                e.put("created_at", EmulatorClock.format(env.createdAt));
                e.put("updated_at", EmulatorClock.format(env.updatedAt));
                ObjectNode secrets = e.putObject("secrets");
                env.secrets.forEach((name, secret) -> {
                    ObjectNode s = secrets.putObject(name);
                    putSecretValue(s, secret.value());
                    s.put("created_at", EmulatorClock.format(secret.createdAt()));
                    s.put("updated_at", EmulatorClock.format(secret.updatedAt()));
                });
                ObjectNode variables = e.putObject("variables");
                env.variables.forEach((name, variable) -> {
                    ObjectNode v = variables.putObject(name);
                    v.put("value", variable.value());
                    v.put("created_at", EmulatorClock.format(variable.createdAt()));
                    v.put("updated_at", EmulatorClock.format(variable.updatedAt()));
                });
            }
        }
        AtomicFiles.write(file, Json.prettyBytes(root));
    }

    private static void putSecretValue(ObjectNode node, byte[] value) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value))
                    .toString();
            node.put("value", text);
        } catch (CharacterCodingException e) {
            node.put("value_base64", Base64.getEncoder().encodeToString(value));
        }
    }
}

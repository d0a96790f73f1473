package dev.spectral.it.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;

/** Environment variables: list, get, POST (create), PATCH (update, may rename), delete. */
final class VariablesResource {
    static final int DEFAULT_PER_PAGE = 10;
    static final int MAX_PER_PAGE = 30;

    private final StateStore store;

    VariablesResource(StateStore store) {
        this.store = store;
    }

    HttpResponse list(HttpRequest request, RepoState repo, String envName) {
        EnvironmentState env = store.environment(repo, envName);
        return Page.from(request.query(), DEFAULT_PER_PAGE, MAX_PER_PAGE)
                .listing(
                        ApiUrls.environmentList(repo, env, "variables"),
                        "variables",
                        env.variables,
                        VariablesResource::item);
    }

    HttpResponse get(RepoState repo, String envName, String name) {
        EnvironmentState env = store.environment(repo, envName);
        String key = name.toUpperCase(Locale.ROOT);
        StoredVariable variable = env.variables.get(key);
        if (variable == null) {
            throw ApiException.notFound();
        }
        return HttpResponse.json(200, item(key, variable));
    }

    HttpResponse create(HttpRequest request, RepoState repo, String envName) {
        EnvironmentState env = store.environment(repo, envName);
        ObjectNode body = Json.parseObject(request.body());
        String name = Names.secretOrVariable("Variable", text(body, "name", true));
        String value = text(body, "value", true);
        Names.checkValueSize("Variable", value);
        if (env.variables.containsKey(name)) {
            throw new ApiException(409, "Already exists - Variable already exists");
        }
        Instant now = store.clock().nextWrite();
        env.variables.put(name, new StoredVariable(value, now, now));
        store.save();
        return HttpResponse.json(201, Json.object());
    }

    HttpResponse update(HttpRequest request, RepoState repo, String envName, String rawName) {
        EnvironmentState env = store.environment(repo, envName);
        String name = rawName.toUpperCase(Locale.ROOT);
        StoredVariable existing = env.variables.get(name);
        if (existing == null) {
            throw ApiException.notFound();
        }
        ObjectNode body = Json.parseObject(request.body());
        String newNameText = text(body, "name", false);
        String newName = newNameText == null ? name : Names.secretOrVariable("Variable", newNameText);
        String value = text(body, "value", false);
        if (value == null) {
            value = existing.value();
        }
        Names.checkValueSize("Variable", value);
        if (!newName.equals(name) && env.variables.containsKey(newName)) {
            throw new ApiException(409, "Already exists - Variable already exists");
        }
        Instant now = store.clock().nextWrite();
        env.variables.remove(name);
        env.variables.put(newName, new StoredVariable(value, existing.createdAt(), now));
        store.save();
        return HttpResponse.empty(204);
    }

    HttpResponse delete(RepoState repo, String envName, String name) {
        EnvironmentState env = store.environment(repo, envName);
        if (env.variables.remove(name.toUpperCase(Locale.ROOT)) == null) {
            throw ApiException.notFound();
        }
        store.save();
        return HttpResponse.empty(204);
    }

    private static String text(ObjectNode body, String field, boolean required) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new ApiException(422, "Invalid request.\n\n\"" + field + "\" wasn't supplied.");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new ApiException(422, "Invalid request.\n\nFor '" + field + "', " + node + " is not a string.");
        }
        return node.asText();
    }

    private static ObjectNode item(String name, StoredVariable variable) {
        ObjectNode item = Json.object();
        item.put("name", name);
        item.put("value", variable.value());
        item.put("created_at", EmulatorClock.format(variable.createdAt()));
        item.put("updated_at", EmulatorClock.format(variable.updatedAt()));
        return item;
    }
}

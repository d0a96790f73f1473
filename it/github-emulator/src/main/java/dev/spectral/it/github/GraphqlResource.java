package dev.spectral.it.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /graphql}: answers only a query for a repository's databaseId (what newer gh asks
 * before {@code gh variable set --env}); anything else gets {"errors":[{"message":"not emulated"}]}.
 * Owner and name come from the variables (owner, name or repo) or from string literals in the query.
 */
final class GraphqlResource {
    private static final Pattern REPOSITORY = Pattern.compile("\\brepository\\s*\\(");
    private static final Pattern OWNER_LITERAL = Pattern.compile("\\bowner\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern NAME_LITERAL = Pattern.compile("\\bname\\s*:\\s*\"([^\"]+)\"");

    private final StateStore store;

    GraphqlResource(StateStore store) {
        this.store = store;
    }

    HttpResponse handle(HttpRequest request) {
        ObjectNode body = Json.parseObject(request.body());
        String query = body.path("query").asText("");
        JsonNode variables = body.path("variables");
        if (REPOSITORY.matcher(query).find() && query.contains("databaseId")) {
            Optional<String> owner = variable(variables, "owner").or(() -> literal(OWNER_LITERAL, query));
            Optional<String> name = variable(variables, "name")
                    .or(() -> variable(variables, "repo"))
                    .or(() -> literal(NAME_LITERAL, query));
            if (owner.isPresent() && name.isPresent()) {
                RepoState repo = store.repo(owner.get(), name.get());
                ObjectNode answer = Json.object();
                answer.putObject("data").putObject("repository").put("databaseId", repo.id);
                return HttpResponse.json(200, answer);
            }
        }
        ObjectNode answer = Json.object();
        answer.putArray("errors").addObject().put("message", "not emulated");
        return HttpResponse.json(200, answer);
    }

    private static Optional<String> variable(JsonNode variables, String field) {
        JsonNode node = variables.get(field);
        return node != null && node.isTextual() && !node.asText().isEmpty()
                ? Optional.of(node.asText())
                : Optional.empty();
    }

    private static Optional<String> literal(Pattern pattern, String query) {
        Matcher m = pattern.matcher(query);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}

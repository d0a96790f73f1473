package dev.spectral.it.github;

import java.util.List;

/**
 * Maps method and path to a resource. Every route under {@code /repos/{owner}/{repo}} is also
 * served under {@code /repositories/{id}}, the form GitHub uses in Link headers.
 */
final class ApiRouter {
    static final String GRAPHQL_ENDPOINT = "POST /graphql";
    private static final String REPO = "/repos/{owner}/{repo}";
    private static final String ENV = REPO + "/environments/{environment_name}";
    private final StateStore store;
    private final RepositoryResource repositories = new RepositoryResource();
    private final EnvironmentsResource environments;
    private final SecretsResource secrets;
    private final VariablesResource variables;
    private final GraphqlResource graphql;

    ApiRouter(StateStore store, Faults faults) {
        this.store = store;
        this.environments = new EnvironmentsResource(store);
        this.secrets = new SecretsResource(store, faults);
        this.variables = new VariablesResource(store);
        this.graphql = new GraphqlResource(store);
    }

    HttpResponse route(HttpRequest request) {
        List<String> s = request.segments();
        String method = "HEAD".equals(request.method()) ? "GET" : request.method();
        if (s.size() == 1 && s.get(0).equals("graphql") && method.equals("POST")) {
            return graphql.handle(request);
        }
        if (s.size() >= 3 && s.get(0).equals("repos")) {
            return routeRepo(request, method, store.repo(s.get(1), s.get(2)), s.subList(3, s.size()));
        }
        if (s.size() >= 2 && s.get(0).equals("repositories")) {
            return routeRepo(request, method, store.repoById(parseId(s.get(1))), s.subList(2, s.size()));
        }
        throw ApiException.notFound();
    }

    /**
     * The endpoint a request is for, as GitHub's REST reference names it: method (HEAD as GET)
     * and route template, e.g. {@code PUT /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}}.
     * The same for every repository, environment and name, and for the {@code /repositories/{id}}
     * form. A request no route serves: {@code METHOD (unknown route)}. Depends only on the request,
     * not on state, so it can be computed outside the state lock.
     */
    static String endpoint(HttpRequest request) {
        List<String> s = request.segments();
        String method = "HEAD".equals(request.method()) ? "GET" : request.method();
        List<String> rest = null;
        if (s.size() == 1 && s.get(0).equals("graphql") && method.equals("POST")) {
            return GRAPHQL_ENDPOINT;
        }
        if (s.size() >= 3 && s.get(0).equals("repos")) {
            rest = s.subList(3, s.size());
        } else if (s.size() >= 2 && s.get(0).equals("repositories")) {
            rest = s.subList(2, s.size());
        }
        String template = rest == null ? null : repoTemplate(method, rest);
        return method + " " + (template == null ? "(unknown route)" : template);
    }

    private static String repoTemplate(String method, List<String> rest) {
        if (rest.isEmpty()) {
            return method.equals("GET") ? REPO : null;
        }
        if (rest.size() < 2 || !rest.get(0).equals("environments")) {
            return null;
        }
        if (rest.size() == 2) {
            return ENV;
        }
        String kind = rest.get(2);
        if (rest.size() > 4 || !(kind.equals("secrets") || kind.equals("variables"))) {
            return null;
        }
        if (rest.size() == 3) {
            return ENV + "/" + kind;
        }
        if (kind.equals("secrets") && rest.get(3).equals("public-key")) {
            return ENV + "/secrets/public-key";
        }
        return ENV + "/" + kind + (kind.equals("secrets") ? "/{secret_name}" : "/{name}");
    }

    private static long parseId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiException.notFound();
        }
    }

    private HttpResponse routeRepo(HttpRequest request, String method, RepoState repo, List<String> rest) {
        if (rest.isEmpty() && method.equals("GET")) {
            return repositories.get(repo);
        }
        if (rest.size() < 2 || !rest.get(0).equals("environments")) {
            throw ApiException.notFound();
        }
        String env = Names.environment(rest.get(1));
        String shape =
                rest.size() == 2 ? "env" : rest.get(2) + (rest.size() == 3 ? "" : rest.size() == 4 ? "/*" : "/?/?");
        if (shape.equals("secrets/*") && rest.get(3).equals("public-key")) {
            shape = "secrets/public-key";
        }
        switch (method + " " + shape) {
            case "GET env":
                return environments.get(repo, env);
            case "PUT env":
                return environments.put(repo, env);
            case "DELETE env":
                return environments.delete(repo, env);
            case "GET secrets/public-key":
                return secrets.publicKey(repo, env);
            case "GET secrets":
                return secrets.list(request, repo, env);
            case "GET secrets/*":
                return secrets.get(repo, env, rest.get(3));
            case "PUT secrets/*":
                return secrets.put(request, repo, env, rest.get(3));
            case "DELETE secrets/*":
                return secrets.delete(repo, env, rest.get(3));
            case "GET variables":
                return variables.list(request, repo, env);
            case "POST variables":
                return variables.create(request, repo, env);
            case "GET variables/*":
                return variables.get(repo, env, rest.get(3));
            case "PATCH variables/*":
                return variables.update(request, repo, env, rest.get(3));
            case "DELETE variables/*":
                return variables.delete(repo, env, rest.get(3));
            default:
                throw ApiException.notFound();
        }
    }
}

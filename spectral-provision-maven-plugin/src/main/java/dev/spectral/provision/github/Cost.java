package dev.spectral.provision.github;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one gh process asks of GitHub: how many requests it has in flight at once, and the points
 * it spends per endpoint. An endpoint is a method and a route, shared by every environment.
 */
record Cost(int inFlight, Map<String, Integer> points) {

    static final String PUBLIC_KEY = "GET secrets/public-key";
    static final String SECRET_WRITE = "PUT secrets/{name}";

    Cost {
        points = Map.copyOf(points);
    }

    /** One request of the given method to the given route. */
    static Cost of(String method, String route) {
        boolean read = method.equals("GET");
        return new Cost(1, Map.of(method + " " + route, read ? GitHubLimits.READ_POINTS : GitHubLimits.WRITE_POINTS));
    }

    /** A GraphQL query ({@code gh repo view}): GitHub counts it as a read. */
    static Cost graphqlQuery() {
        return new Cost(1, Map.of("POST graphql", GitHubLimits.READ_POINTS));
    }

    /**
     * {@code gh secret set} of n secrets: gh reads the environment's public key, then writes every
     * secret at once.
     */
    static Cost secretWrites(int n) {
        Map<String, Integer> points = new TreeMap<>();
        points.put(PUBLIC_KEY, GitHubLimits.READ_POINTS);
        points.put(SECRET_WRITE, n * GitHubLimits.WRITE_POINTS);
        return new Cost(n, points);
    }
}

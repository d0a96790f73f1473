package dev.spectral.it.github;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code GET|PUT|DELETE /repos/{owner}/{repo}/environments/{env}}. PUT creates and is idempotent. */
final class EnvironmentsResource {
    private final StateStore store;

    EnvironmentsResource(StateStore store) {
        this.store = store;
    }

    HttpResponse get(RepoState repo, String name) {
        return HttpResponse.json(200, body(repo, store.environment(repo, name)));
    }

    HttpResponse put(RepoState repo, String name) {
        return HttpResponse.json(200, body(repo, store.createEnvironment(repo, name)));
    }

    HttpResponse delete(RepoState repo, String name) {
        store.deleteEnvironment(repo, name);
        return HttpResponse.empty(204);
    }

    private static ObjectNode body(RepoState repo, EnvironmentState env) {
        ObjectNode body = Json.object();
        body.put("id", env.id);
        body.put("node_id", "EN_kwDO" + env.id);
        body.put("name", env.name);
        body.put("url", ApiUrls.environment(repo, env));
        body.put(
                "html_url",
                ApiUrls.WEB + "/" + repo.fullName + "/deployments/activity_log?environments_filter="
                        + ApiUrls.segment(env.name));
        body.put("created_at", EmulatorClock.format(env.createdAt));
        body.put("updated_at", EmulatorClock.format(env.updatedAt));
        body.putArray("protection_rules");
        body.putNull("deployment_branch_policy");
        return body;
    }
}

package dev.spectral.it.github;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code GET /repos/{owner}/{repo}}: a minimal repository object. */
final class RepositoryResource {

    HttpResponse get(RepoState repo) {
        ObjectNode body = Json.object();
        body.put("id", repo.id);
        body.put("node_id", "R_kgDO" + repo.id);
        body.put("name", repo.name());
        body.put("full_name", repo.fullName);
        body.put("private", false);
        ObjectNode owner = body.putObject("owner");
        owner.put("login", repo.owner());
        owner.put("id", 1);
        owner.put("type", "Organization");
        body.put("html_url", ApiUrls.WEB + "/" + repo.fullName);
        body.put("url", ApiUrls.repo(repo));
        body.put("default_branch", "main");
        body.put("visibility", "public");
        return HttpResponse.json(200, body);
    }
}

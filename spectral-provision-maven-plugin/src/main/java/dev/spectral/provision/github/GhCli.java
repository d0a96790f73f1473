package dev.spectral.provision.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spectral.provision.process.Command;
import dev.spectral.provision.process.CommandException;
import dev.spectral.provision.process.CommandResult;
import dev.spectral.provision.process.CommandRunner;
import dev.spectral.provision.secret.Redactor;
import dev.spectral.provision.secret.SecretValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link GitHub} over the GitHub CLI, using only what gh 2.23.0 (Debian bookworm) already has:
 * {@code gh secret set} with the value on stdin (gh seals it with the environment's public key), or
 * {@code gh secret set -f -} for many values at once (see {@link BulkSecrets}), and
 * {@code gh api} for everything else ({@code gh variable} and {@code --json} lists came later).
 * {@code --paginate} prints one JSON document per page back to back; all are read.
 */
public final class GhCli implements GitHub {

    private static final int AUTH_EXIT = 4;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FAILED_SECRET = Pattern.compile("failed to set secret \"?([A-Za-z0-9_]+)\"?");

    private final CommandRunner runner;
    private final String executable;
    private final Duration timeout;
    private final Redactor redactor;
    private volatile String repository;

    /**
     * @param repository {@code OWNER/REPO}, or empty to use gh's default for the working directory
     */
    public GhCli(CommandRunner runner, String executable, Optional<String> repository, Duration timeout, Redactor redactor) {
        this.runner = runner;
        this.executable = executable;
        this.repository = repository.orElse(null);
        this.timeout = timeout;
        this.redactor = redactor;
    }

    @Override
    public String repository() throws GitHubException {
        if (repository == null) {
            CommandResult result = gh("find the default repository", null,
                    List.of("repo", "view", "--json", "nameWithOwner", "-q", ".nameWithOwner"));
            String name = result.stdoutText().strip();
            if (!name.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
                throw new GitHubException(GitHubException.Kind.OTHER, "gh did not name a repository for this directory ('"
                        + name + "'); set -Dspectral.repo=OWNER/REPO");
            }
            repository = name;
        }
        return repository;
    }

    @Override
    public boolean environmentExists(String environment) throws GitHubException {
        try {
            api("check environment " + environment, "GET", environmentPath(environment), null);
            return true;
        } catch (GitHubException e) {
            if (e.kind() == GitHubException.Kind.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void createEnvironment(String environment) throws GitHubException {
        api("create environment " + environment, "PUT", environmentPath(environment), null);
    }

    @Override
    public RemoteState list(String environment) throws GitHubException {
        Map<String, Instant> secrets = new HashMap<>();
        pages("list secrets of " + environment, environmentPath(environment) + "/secrets?per_page=100", "secrets",
                node -> secrets.put(upper(node.path("name").asText()), Instant.parse(node.path("updated_at").asText())));
        Map<String, String> variables = new HashMap<>();
        pages("list variables of " + environment, environmentPath(environment) + "/variables?per_page=30", "variables",
                node -> variables.put(upper(node.path("name").asText()), node.path("value").asText()));
        return new RemoteState(secrets, variables);
    }

    @Override
    public void setSecret(String environment, String name, SecretValue value) throws GitHubException {
        gh("set secret " + name + " in " + environment, value.bytes(),
                List.of("secret", "set", name, "--env", environment, "--repo", repository()));
    }

    @Override
    public Map<String, String> setSecrets(String environment, Map<String, SecretValue> secrets) throws GitHubException {
        if (secrets.isEmpty()) {
            return Map.of();
        }
        try {
            gh("set " + secrets.size() + " secret(s) in " + environment, BulkSecrets.dotenv(secrets),
                    List.of("secret", "set", "-f", "-", "--env", environment, "--repo", repository()));
            return Map.of();
        } catch (GitHubException e) {
            if (e.kind() == GitHubException.Kind.AUTHENTICATION) {
                throw e;
            }
            return bulkFailures(secrets.keySet(), e.getMessage());
        }
    }

    /** gh sets each secret on its own and reports each failure by name; a failure it does not name fails all. */
    private static Map<String, String> bulkFailures(Set<String> names, String message) {
        Map<String, String> failed = new TreeMap<>();
        Matcher m = FAILED_SECRET.matcher(message);
        while (m.find()) {
            if (names.contains(m.group(1))) {
                failed.put(m.group(1), message);
            }
        }
        if (failed.isEmpty()) {
            names.forEach(name -> failed.put(name, message));
        }
        return failed;
    }

    @Override
    public void createVariable(String environment, String name, String value) throws GitHubException {
        api("create variable " + name + " in " + environment, "POST", environmentPath(environment) + "/variables",
                variableBody(name, value));
    }

    @Override
    public void updateVariable(String environment, String name, String value) throws GitHubException {
        api("update variable " + name + " in " + environment, "PATCH", environmentPath(environment) + "/variables/" + name,
                variableBody(name, value));
    }

    @Override
    public void deleteSecret(String environment, String name) throws GitHubException {
        api("delete secret " + name + " in " + environment, "DELETE", environmentPath(environment) + "/secrets/" + name, null);
    }

    @Override
    public void deleteVariable(String environment, String name) throws GitHubException {
        api("delete variable " + name + " in " + environment, "DELETE", environmentPath(environment) + "/variables/" + name, null);
    }

    private String environmentPath(String environment) throws GitHubException {
        return "repos/" + repository() + "/environments/" + environment;
    }

    private void pages(String step, String path, String arrayName, Consumer<JsonNode> each) throws GitHubException {
        CommandResult result = gh(step, null, List.of("api", "--paginate", path));
        try (MappingIterator<JsonNode> documents = JSON.readerFor(JsonNode.class).readValues(result.stdout())) {
            while (documents.hasNext()) {
                documents.next().path(arrayName).forEach(each);
            }
        } catch (IOException | RuntimeException e) {
            throw new GitHubException(GitHubException.Kind.OTHER, step + ": gh printed something that is not the expected JSON", e);
        }
    }

    private void api(String step, String method, String path, byte[] body) throws GitHubException {
        List<String> args = new ArrayList<>(List.of("api", "--method", method, path));
        if (body != null) {
            args.addAll(List.of("--input", "-"));
        }
        gh(step, body, args);
    }

    private CommandResult gh(String step, byte[] stdin, List<String> args) throws GitHubException {
        List<String> argv = new ArrayList<>();
        argv.add(executable);
        argv.addAll(args);
        Command command = Command.of(step, timeout, argv);
        if (stdin != null) {
            command = command.withStdin(stdin);
        }
        CommandResult result;
        try {
            result = runner.run(command);
        } catch (CommandException e) {
            throw new GitHubException(GitHubException.Kind.OTHER, e.getMessage(), e);
        }
        if (result.succeeded()) {
            return result;
        }
        String stderr = redactor.redact(result.stderrText().strip());
        if (result.exitCode() == AUTH_EXIT) {
            throw new GitHubException(GitHubException.Kind.AUTHENTICATION, step + ": gh is not authenticated (exit 4). "
                    + "Run 'gh auth login', or set GH_TOKEN to a token that can read and write this repository's environments");
        }
        if (stderr.contains("HTTP 401")) {
            throw new GitHubException(GitHubException.Kind.AUTHENTICATION, step + ": GitHub refused gh's credentials (HTTP 401). "
                    + "Run 'gh auth login', or set GH_TOKEN to a token that can read and write this repository's environments");
        }
        GitHubException.Kind kind = stderr.contains("HTTP 404") ? GitHubException.Kind.NOT_FOUND : GitHubException.Kind.OTHER;
        throw new GitHubException(kind, step + ": gh failed (exit " + result.exitCode() + "): " + oneLine(stderr));
    }

    private static byte[] variableBody(String name, String value) {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("value", value);
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String upper(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    /** gh's message on one line (gh prints "1 error occurred:" and the error on the next). */
    private static String oneLine(String text) {
        return String.join(" ", text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList());
    }
}

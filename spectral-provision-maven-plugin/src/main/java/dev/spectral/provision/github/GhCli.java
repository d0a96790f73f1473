package dev.spectral.provision.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spectral.provision.log.Brief;
import dev.spectral.provision.log.Log;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link GitHub} over the GitHub CLI, using only what gh 2.23.0 (Debian bookworm) already has:
 * {@code gh secret set} with the value on stdin (gh seals it with the environment's public key), or
 * {@code gh secret set -f -} for many values at once (see {@link BulkSecrets}), and
 * {@code gh api} for everything else ({@code gh variable} and {@code --json} lists came later).
 * {@code --paginate} prints one JSON document per page back to back; all are read.
 *
 * <p>Every call goes through the run's {@link RequestBudget}; a throttled call waits and is sent
 * again (for a bulk call, only the secrets GitHub throttled). {@code gh api} calls that write ask
 * for the response headers ({@code --include}), so that GitHub's {@code retry-after} is seen.
 */
public final class GhCli implements GitHub {

    private static final int AUTH_EXIT = 4;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FAILED_SECRET =
            Pattern.compile("failed to set secret \"?([A-Za-z0-9_]+)\"?:?\\s*(.*)");

    private final CommandRunner runner;
    private final String executable;
    private final Duration timeout;
    private final Redactor redactor;
    private final RequestBudget budget;
    private final Log log;
    private volatile String repository;

    /**
     * @param repository {@code OWNER/REPO}, or empty to use gh's default for the working directory
     */
    public GhCli(
            CommandRunner runner,
            String executable,
            Optional<String> repository,
            Duration timeout,
            Redactor redactor,
            RequestBudget budget,
            Log log) {
        this.runner = runner;
        this.executable = executable;
        this.repository = repository.orElse(null);
        this.timeout = timeout;
        this.redactor = redactor;
        this.budget = budget;
        this.log = log;
    }

    @Override
    public Pace pace() {
        return budget.pace();
    }

    @Override
    public String repository() throws GitHubException {
        if (repository == null) {
            CommandResult result = gh(
                    "find the default repository",
                    null,
                    List.of("repo", "view", "--json", "nameWithOwner", "-q", ".nameWithOwner"),
                    Cost.graphqlQuery());
            String name = result.stdoutText().strip();
            if (!name.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
                throw new GitHubException(
                        GitHubException.Kind.OTHER,
                        "gh did not name a repository for this directory ('" + name
                                + "'); set -Dspectral.repo=OWNER/REPO");
            }
            repository = name;
        }
        return repository;
    }

    @Override
    public boolean environmentExists(String environment) throws GitHubException {
        try {
            api("check environment " + environment, "GET", environmentPath(environment), "environment", null);
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
        api("create environment " + environment, "PUT", environmentPath(environment), "environment", null);
    }

    @Override
    public RemoteState list(String environment) throws GitHubException {
        Map<String, Instant> secrets = new HashMap<>();
        pages(
                "list secrets of " + environment,
                environmentPath(environment) + "/secrets?per_page=100",
                "secrets",
                node -> secrets.put(
                        upper(node.path("name").asText()),
                        Instant.parse(node.path("updated_at").asText())));
        Map<String, String> variables = new HashMap<>();
        pages(
                "list variables of " + environment,
                environmentPath(environment) + "/variables?per_page=30",
                "variables",
                node -> variables.put(
                        upper(node.path("name").asText()), node.path("value").asText()));
        return new RemoteState(secrets, variables);
    }

    @Override
    public void setSecret(String environment, String name, SecretValue value) throws GitHubException {
        gh(
                "set secret " + name + " in " + environment,
                value.bytes(),
                List.of("secret", "set", name, "--env", environment, "--repo", repository()),
                Cost.secretWrites(1));
    }

    /**
     * In calls of at most {@link GitHubLimits#secretsPerCall()} secrets, since gh sends all of a
     * call's secrets at once. The secrets GitHub throttled are sent again after the wait. When a
     * call fails as a whole (gh killed at its timeout), its secrets fail with the reason; when the
     * run must stop (GitHub's limits), every secret not set yet does. Those set before stay set.
     */
    @Override
    public Map<String, String> setSecrets(String environment, Map<String, SecretValue> secrets, IntConsumer written)
            throws GitHubException {
        Map<String, String> failed = new TreeMap<>();
        Set<String> set = new HashSet<>();
        List<String> names = new ArrayList<>(secrets.keySet());
        int perCall = budget.limits().secretsPerCall();
        for (int from = 0; from < names.size(); from += perCall) {
            List<String> callNames = names.subList(from, Math.min(names.size(), from + perCall));
            Map<String, SecretValue> call = new LinkedHashMap<>();
            callNames.forEach(name -> call.put(name, secrets.get(name)));
            try {
                setTogether(environment, call, failed, set, written);
            } catch (GitHubException e) {
                List<String> unset =
                        e.kind() == GitHubException.Kind.RATE_LIMITED ? names.subList(from, names.size()) : callNames;
                unset.stream()
                        .filter(name -> !set.contains(name))
                        .forEach(name -> failed.putIfAbsent(name, e.reason()));
                if (e.kind() == GitHubException.Kind.RATE_LIMITED) {
                    break;
                }
            }
        }
        return failed;
    }

    /** Sets one call's secrets, again for those GitHub throttled; the others that fail go into {@code failed}. */
    private void setTogether(
            String environment,
            Map<String, SecretValue> call,
            Map<String, String> failed,
            Set<String> set,
            IntConsumer written)
            throws GitHubException {
        Map<String, SecretValue> left = new LinkedHashMap<>(call);
        while (!left.isEmpty()) {
            String step = "set " + left.size() + " secret(s) in " + environment;
            try (RequestBudget.Permit permit = budget.acquire(Cost.secretWrites(left.size()))) {
                CommandResult result = run(
                        step,
                        BulkSecrets.dotenv(left),
                        List.of("secret", "set", "-f", "-", "--env", environment, "--repo", repository()));
                Map<String, String> perSecret = Map.of();
                if (result.succeeded()) {
                    budget.succeeded(permit);
                } else {
                    String stderr = redactor.redact(result.stderrText());
                    failIfUnauthenticated(step, result, stderr);
                    failIfExhausted(step, stderr, result);
                    perSecret = perSecret(left.keySet(), stderr);
                    reportOnce(step, result, stderr, perSecret);
                }
                Set<String> done = new HashSet<>(left.keySet());
                done.removeAll(perSecret.keySet());
                set.addAll(done);
                written.accept(done.size());
                left.keySet().removeAll(done);
                perSecret.forEach((name, reason) -> {
                    if (!Throttling.secondary(reason)) {
                        failed.put(name, reason);
                        left.remove(name);
                    }
                });
                if (!left.isEmpty()) {
                    budget.throttled(permit, left.size(), Throttling.retryAfter(result.stdoutText()));
                }
            }
        }
    }

    /**
     * gh's output once for the call: a warning when a secret failed for good, a short note when
     * GitHub only throttled (those are sent again), the whole output at debug then.
     */
    private void reportOnce(String step, CommandResult result, String stderr, Map<String, String> perSecret) {
        long throttled =
                perSecret.values().stream().filter(Throttling::secondary).count();
        String output = "gh failed (exit " + result.exitCode() + "): " + Brief.of(stderr, Brief.TOOL_OUTPUT);
        if (throttled < perSecret.size()) {
            log.warn(step + ": " + output);
        } else {
            log.info(step + ": GitHub throttled " + throttled
                    + " of them (secondary rate limit); they are sent again after the wait");
            log.debug(step + ": " + output);
        }
    }

    /** The error gh names for each secret; when it names none, its whole message for all. */
    private static Map<String, String> perSecret(Set<String> names, String stderr) {
        Map<String, String> failed = new TreeMap<>();
        for (String line : stderr.lines().toList()) {
            Matcher m = FAILED_SECRET.matcher(line);
            if (m.find() && names.contains(m.group(1))) {
                failed.put(m.group(1), Brief.reason(m.group(2)));
            }
        }
        if (failed.isEmpty()) {
            String reason = Brief.reason(stderr);
            names.forEach(name -> failed.put(name, reason));
        }
        return failed;
    }

    @Override
    public void createVariable(String environment, String name, String value) throws GitHubException {
        api(
                "create variable " + name + " in " + environment,
                "POST",
                environmentPath(environment) + "/variables",
                "variables",
                variableBody(name, value));
    }

    @Override
    public void updateVariable(String environment, String name, String value) throws GitHubException {
        api(
                "update variable " + name + " in " + environment,
                "PATCH",
                environmentPath(environment) + "/variables/" + name,
                "variables/{name}",
                variableBody(name, value));
    }

    @Override
    public void deleteSecret(String environment, String name) throws GitHubException {
        api(
                "delete secret " + name + " in " + environment,
                "DELETE",
                environmentPath(environment) + "/secrets/" + name,
                "secrets/{name}",
                null);
    }

    @Override
    public void deleteVariable(String environment, String name) throws GitHubException {
        api(
                "delete variable " + name + " in " + environment,
                "DELETE",
                environmentPath(environment) + "/variables/" + name,
                "variables/{name}",
                null);
    }

    private String environmentPath(String environment) throws GitHubException {
        return "repos/" + repository() + "/environments/" + environment;
    }

    private void pages(String step, String path, String arrayName, Consumer<JsonNode> each) throws GitHubException {
        CommandResult result = gh(step, null, List.of("api", "--paginate", path), Cost.of("GET", arrayName));
        try (MappingIterator<JsonNode> documents =
                JSON.readerFor(JsonNode.class).readValues(result.stdout())) {
            while (documents.hasNext()) {
                documents.next().path(arrayName).forEach(each);
            }
        } catch (IOException | RuntimeException e) {
            throw new GitHubException(
                    GitHubException.Kind.OTHER, step + ": gh printed something that is not the expected JSON", e);
        }
    }

    /** One REST call whose answer is not read; {@code --include} shows GitHub's rate-limit headers when it refuses. */
    private void api(String step, String method, String path, String route, byte[] body) throws GitHubException {
        List<String> args = new ArrayList<>(List.of("api", "--include", "--method", method, path));
        if (body != null) {
            args.addAll(List.of("--input", "-"));
        }
        gh(step, body, args, Cost.of(method, route));
    }

    /** Runs one gh call within the budget, again after a wait while GitHub throttles it. */
    private CommandResult gh(String step, byte[] stdin, List<String> args, Cost cost) throws GitHubException {
        while (true) {
            try (RequestBudget.Permit permit = budget.acquire(cost)) {
                CommandResult result = run(step, stdin, args);
                if (result.succeeded()) {
                    budget.succeeded(permit);
                    return result;
                }
                String stderr = redactor.redact(result.stderrText());
                failIfUnauthenticated(step, result, stderr);
                failIfExhausted(step, stderr, result);
                if (!Throttling.secondary(stderr)) {
                    GitHubException.Kind kind =
                            stderr.contains("HTTP 404") ? GitHubException.Kind.NOT_FOUND : GitHubException.Kind.OTHER;
                    String failed = "gh failed (exit " + result.exitCode() + "): ";
                    throw new GitHubException(
                            kind,
                            step + ": " + failed + Brief.of(stderr, Brief.TOOL_OUTPUT),
                            failed + Brief.reason(stderr));
                }
                log.debug(step + ": throttled by GitHub, sent again after the wait: "
                        + Brief.of(stderr, Brief.TOOL_OUTPUT));
                budget.throttled(permit, 1, Throttling.retryAfter(result.stdoutText()));
            }
        }
    }

    private CommandResult run(String step, byte[] stdin, List<String> args) throws GitHubException {
        List<String> argv = new ArrayList<>();
        argv.add(executable);
        argv.addAll(args);
        Command command = Command.of(step, timeout, argv);
        if (stdin != null) {
            command = command.withStdin(stdin);
        }
        try {
            return runner.run(command);
        } catch (CommandException e) {
            throw new GitHubException(GitHubException.Kind.OTHER, e.getMessage(), e);
        }
    }

    private static void failIfUnauthenticated(String step, CommandResult result, String stderr) throws GitHubException {
        if (result.exitCode() == AUTH_EXIT) {
            throw new GitHubException(
                    GitHubException.Kind.AUTHENTICATION,
                    step + ": gh is not authenticated (exit 4). "
                            + "Run 'gh auth login', or set GH_TOKEN to a token that can read and write this repository's environments");
        }
        if (stderr.contains("HTTP 401")) {
            throw new GitHubException(
                    GitHubException.Kind.AUTHENTICATION,
                    step + ": GitHub refused gh's credentials (HTTP 401). "
                            + "Run 'gh auth login', or set GH_TOKEN to a token that can read and write this repository's environments");
        }
    }

    /** GitHub's hourly limit is spent: this run stops here, and every later call fails at once. */
    private void failIfExhausted(String step, String stderr, CommandResult result) throws GitHubException {
        if (Throttling.primary(stderr, result.stdoutText())) {
            String why = "GitHub's hourly API limit for this token is spent (" + Brief.of(stderr, Brief.REASON) + "); "
                    + Throttling.resetTime(result.stdoutText())
                            .map(reset -> "it resets at " + reset)
                            .orElse("it resets within the hour")
                    + ". Run the same command again then";
            budget.exhausted(why);
            throw new GitHubException(GitHubException.Kind.RATE_LIMITED, step + ": " + why, why);
        }
    }

    private static byte[] variableBody(String name, String value) {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("value", value);
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String upper(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}

package dev.spectral.provision.verify.workflow;

import dev.spectral.provision.config.Finding;
import dev.spectral.provision.config.Position;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * ADR-062: runs that see live secrets are gated to non-PR triggers. Reports every job of
 * {@code .github/workflows/*.yml} that uses an environment the plugin provisions
 * ({@code environment: production}) in a workflow that {@code pull_request} or
 * {@code pull_request_target} can trigger. A job whose {@code if:} tests {@code github.event_name}
 * may be gated by it: that is a warning to check, not an error. Off when there is no workflows folder.
 *
 * <p>Workflows are read as YAML nodes (not values), so {@code on} stays a key instead of YAML 1.1's
 * boolean, and every finding has its line.
 */
public final class WorkflowGatingCheck {

    private static final Set<String> PR_TRIGGERS = Set.of("pull_request", "pull_request_target");

    private final Path workflows;
    private final Function<Path, String> displayName;

    public WorkflowGatingCheck(Path workflows, Function<Path, String> displayName) {
        this.workflows = workflows;
        this.displayName = displayName;
    }

    /** The repository's workflows: the nearest {@code .github/workflows} at or above a folder. */
    public static Optional<Path> nearestWorkflows(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(".github").resolve("workflows");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public List<Finding> check(Set<String> provisioned) {
        List<Finding> findings = new ArrayList<>();
        if (!Files.isDirectory(workflows)) {
            return findings;
        }
        Set<String> names =
                provisioned.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(workflows)) {
            for (Path file :
                    files.filter(WorkflowGatingCheck::isWorkflow).sorted().toList()) {
                checkWorkflow(file, names, findings);
            }
        } catch (IOException e) {
            findings.add(Finding.warning(
                    "ci-gating",
                    Position.ofFile(displayName.apply(workflows)),
                    null,
                    null,
                    "cannot read the workflows folder: " + e.getMessage(),
                    "check its permissions"));
        }
        return findings;
    }

    private static boolean isWorkflow(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yml") || name.endsWith(".yaml"));
    }

    private void checkWorkflow(Path file, Set<String> provisioned, List<Finding> findings) {
        String shown = displayName.apply(file);
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (IOException | YAMLException e) {
            findings.add(Finding.warning(
                    "ci-gating",
                    Position.ofFile(shown),
                    null,
                    null,
                    "cannot parse the workflow, so its triggers are not checked: " + firstLine(e.getMessage()),
                    "fix the YAML"));
            return;
        }
        if (!(root instanceof MappingNode workflow)) {
            return;
        }
        List<String> prTriggers = triggers(value(workflow, "on")).stream()
                .filter(PR_TRIGGERS::contains)
                .toList();
        if (prTriggers.isEmpty() || !(value(workflow, "jobs").orElse(null) instanceof MappingNode jobs)) {
            return;
        }
        for (NodeTuple job : jobs.getValue()) {
            if (job.getValueNode() instanceof MappingNode body) {
                checkJob(shown, text(job.getKeyNode()), body, prTriggers, provisioned, findings);
            }
        }
    }

    private static void checkJob(
            String file,
            String job,
            MappingNode body,
            List<String> prTriggers,
            Set<String> provisioned,
            List<Finding> findings) {
        Optional<Node> environment = value(body, "environment");
        if (environment.isEmpty()) {
            return;
        }
        Node nameNode = environment.get() instanceof MappingNode map
                ? value(map, "name").orElse(environment.get())
                : environment.get();
        String name = text(nameNode);
        Position at = new Position(
                file,
                nameNode.getStartMark().getLine() + 1,
                nameNode.getStartMark().getColumn() + 1);
        String triggers = String.join(" and ", prTriggers);
        if (name.contains("${{")) {
            findings.add(Finding.warning(
                    "ci-gating",
                    at,
                    null,
                    null,
                    "job '" + job + "' picks its environment with an " + "expression, in a workflow that " + triggers
                            + " triggers: make sure no pull request can reach a provisioned environment",
                    "name the environment, or trigger the workflow on push or workflow_dispatch only"));
            return;
        }
        if (!provisioned.contains(name.toLowerCase(Locale.ROOT))) {
            return;
        }
        boolean gatedByIf = value(body, "if")
                .map(WorkflowGatingCheck::text)
                .filter(c -> c.contains("github.event_name"))
                .isPresent();
        String message = "job '" + job + "' uses environment '" + name
                + "', whose secrets the plugin provisions, in a workflow that " + triggers
                + " can trigger: live secrets must not be reachable from pull requests (ADR-062)";
        String fix =
                "run this job only on push, schedule or workflow_dispatch (move it to another workflow), or drop its environment";
        findings.add(
                gatedByIf
                        ? Finding.warning(
                                "ci-gating",
                                at,
                                name,
                                null,
                                message + "; its if: tests github.event_name: check that it excludes them",
                                fix)
                        : Finding.error("ci-gating", at, name, null, message, fix));
    }

    /** {@code on: push}, {@code on: [push, pull_request]}, or {@code on: {pull_request: ...}}. */
    private static List<String> triggers(Optional<Node> on) {
        if (on.isEmpty()) {
            return List.of();
        }
        Node node = on.get();
        if (node instanceof ScalarNode scalar) {
            return List.of(scalar.getValue());
        }
        if (node instanceof SequenceNode list) {
            return list.getValue().stream().map(WorkflowGatingCheck::text).toList();
        }
        if (node instanceof MappingNode map) {
            return map.getValue().stream().map(t -> text(t.getKeyNode())).toList();
        }
        return List.of();
    }

    private static Optional<Node> value(MappingNode map, String key) {
        return map.getValue().stream()
                .filter(t -> text(t.getKeyNode()).equals(key))
                .map(NodeTuple::getValueNode)
                .findFirst();
    }

    private static String text(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : "";
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}

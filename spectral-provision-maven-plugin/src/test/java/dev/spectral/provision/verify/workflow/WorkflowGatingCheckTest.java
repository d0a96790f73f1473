package dev.spectral.provision.verify.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spectral.provision.config.Finding;
import dev.spectral.provision.config.Position;
import dev.spectral.provision.config.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowGatingCheckTest {

    @TempDir
    Path workflows;

    private List<Finding> check(String workflow) throws Exception {
        Files.writeString(workflows.resolve("deploy.yml"), workflow);
        return new WorkflowGatingCheck(workflows, p -> ".github/workflows/" + p.getFileName())
                .check(Set.of("production", "staging"));
    }

    @Test
    void aPullRequestJobWithAProvisionedEnvironmentIsAnError() throws Exception {
        List<Finding> findings = check("""
                name: deploy
                on:
                  pull_request:
                    branches: [main]
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    environment: production
                    steps:
                      - run: echo deploy
                """);

        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(new Position(".github/workflows/deploy.yml", 8, 18), f.position());
        assertEquals(Optional.of("production"), f.environment());
        assertTrue(f.message().contains("job 'deploy'") && f.message().contains("pull_request"), f.message());
    }

    @Test
    void listAndMapFormsOfTriggersAndEnvironmentsAreRead() throws Exception {
        List<Finding> findings = check("""
                on: [push, pull_request_target]
                jobs:
                  a:
                    environment:
                      name: Staging
                      url: https://staging.example.com
                """);

        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).message().contains("pull_request_target"));
    }

    @Test
    void pushAndScheduleOnlyWorkflowsPass() throws Exception {
        assertEquals(List.of(), check("""
                on:
                  push:
                    branches: [main]
                  schedule:
                    - cron: '0 3 * * *'
                jobs:
                  deploy:
                    environment: production
                """));
    }

    @Test
    void environmentsThePluginDoesNotProvisionPass() throws Exception {
        assertEquals(List.of(), check("on: pull_request\njobs:\n  preview:\n    environment: preview\n"));
    }

    @Test
    void anIfOnTheEventNameIsAWarningToCheck() throws Exception {
        List<Finding> findings = check("""
                on: [push, pull_request]
                jobs:
                  deploy:
                    if: github.event_name == 'push'
                    environment: production
                """);

        assertEquals(Severity.WARNING, findings.get(0).severity());
    }

    @Test
    void anEnvironmentChosenByExpressionIsAWarning() throws Exception {
        List<Finding> findings = check("on: pull_request\njobs:\n  d:\n    environment: ${{ inputs.env }}\n");

        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertTrue(findings.get(0).message().contains("expression"));
    }

    @Test
    void anUnparsableWorkflowIsAWarning() throws Exception {
        List<Finding> findings = check("on: [push\njobs: {\n");

        assertEquals(1, findings.size());
        assertEquals(Severity.WARNING, findings.get(0).severity());
    }

    @Test
    void noWorkflowsFolderMeansNoCheck() {
        assertEquals(
                List.of(),
                new WorkflowGatingCheck(workflows.resolve("absent"), Path::toString).check(Set.of("production")));
    }

    @Test
    void theNearestWorkflowsFolderAboveTheProjectIsFound() throws Exception {
        Path repository = workflows.resolve("repo");
        Path module = Files.createDirectories(repository.resolve("infra"));
        Files.createDirectories(repository.resolve(".github/workflows"));

        assertEquals(
                Optional.of(repository.resolve(".github/workflows").toAbsolutePath()),
                WorkflowGatingCheck.nearestWorkflows(module));
        assertEquals(
                Optional.empty(),
                WorkflowGatingCheck.nearestWorkflows(Files.createDirectories(workflows.resolve("elsewhere")))
                        .filter(p -> p.startsWith(workflows)));
    }
}

package dev.spectral.provision.maven;

import dev.spectral.generators.GeneratorRegistry;
import dev.spectral.provision.github.GhCli;
import dev.spectral.provision.github.GitHubLimits;
import dev.spectral.provision.github.RequestBudget;
import dev.spectral.provision.keyset.KeySets;
import dev.spectral.provision.log.Log;
import dev.spectral.provision.log.RedactingLog;
import dev.spectral.provision.onepassword.OpCli;
import dev.spectral.provision.process.ChildEnvironment;
import dev.spectral.provision.process.ProcessRunner;
import dev.spectral.provision.publish.DotEnvWriter;
import dev.spectral.provision.publish.Provisioner;
import dev.spectral.provision.secret.Redactor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The engine of one run, wired over the real op, gh and git: the goal's redactor, one log, one pool. */
final class Engine implements AutoCloseable {

    final Redactor redactor;
    final Log log;
    final OpCli op;
    final GhCli github;
    final Clock clock = Clock.systemUTC();
    final KeySets keySets;
    final Provisioner provisioner;
    private final ExecutorService pool;

    Engine(
            org.apache.maven.plugin.logging.Log mavenLog,
            GeneratorRegistry generators,
            Redactor redactor,
            Path workingDirectory,
            String opExecutable,
            String ghExecutable,
            Optional<String> repository,
            int parallelism,
            Duration timeout,
            GitHubLimits limits) {
        this.redactor = redactor;
        this.log = new RedactingLog(new MavenLog(mavenLog), redactor);
        ProcessRunner runner =
                new ProcessRunner(workingDirectory, ChildEnvironment.from(System.getenv()), log, redactor);
        this.pool = Executors.newFixedThreadPool(parallelism);
        this.op = new OpCli(runner, opExecutable, timeout, redactor);
        this.github = new GhCli(runner, ghExecutable, repository, timeout, redactor, RequestBudget.of(limits), log);
        this.keySets = new KeySets(generators::producesPrivateJwk, op, clock);
        this.provisioner = new Provisioner(op, github, new DotEnvWriter(runner), keySets, pool, log);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

package dev.spectral.provision.testing;

import dev.spectral.provision.github.GitHub;
import dev.spectral.provision.github.GitHubException;
import dev.spectral.provision.github.RemoteState;
import dev.spectral.provision.secret.Redactor;
import dev.spectral.provision.secret.SecretValue;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * GitHub Environments in memory. Records every call as {@code "method env NAME"}, fails the calls
 * named in {@link #failOn}, and measures how many write or delete calls run at once.
 */
public final class FakeGitHub implements GitHub {

    public static final String REPOSITORY = "spectral-dev/platform";

    public final Set<String> environments = ConcurrentHashMap.newKeySet();
    public final Map<String, Map<String, SecretValue>> secrets = new ConcurrentHashMap<>();
    public final Map<String, Map<String, String>> variables = new ConcurrentHashMap<>();
    /** Calls that fail, as {@code "method env NAME"}, e.g. {@code "setSecret production API_KEY"}. */
    public final Set<String> failOn = ConcurrentHashMap.newKeySet();

    public final List<String> calls = new CopyOnWriteArrayList<>();

    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();
    private volatile CountDownLatch gate;

    public FakeGitHub(String... environmentNames) {
        environments.addAll(List.of(environmentNames));
    }

    /** Makes each write or delete wait (up to a few seconds) until {@code parties} of them run at once. */
    public void holdUntilConcurrent(int parties) {
        gate = new CountDownLatch(parties);
    }

    public int maxConcurrentCalls() {
        return maxRunning.get();
    }

    /** Calls that change GitHub: writes, deletes and environment creation. */
    public List<String> writeCalls() {
        return calls.stream()
                .filter(c ->
                        !c.startsWith("list ") && !c.startsWith("environmentExists ") && !c.startsWith("repository"))
                .toList();
    }

    public void putSecret(String env, String name) {
        secrets.computeIfAbsent(env, e -> new ConcurrentHashMap<>())
                .put(name, SecretValue.of("old-" + name, new Redactor()));
    }

    public void putVariable(String env, String name, String value) {
        variables.computeIfAbsent(env, e -> new ConcurrentHashMap<>()).put(name, value);
    }

    /** A secret's value as "GitHub" holds it, or null. */
    public String secret(String env, String name) {
        SecretValue value = secrets(env).get(name);
        return value == null ? null : value.reveal();
    }

    public Map<String, SecretValue> secrets(String env) {
        return secrets.getOrDefault(env, Map.of());
    }

    public Map<String, String> variables(String env) {
        return variables.getOrDefault(env, Map.of());
    }

    @Override
    public String repository() {
        calls.add("repository");
        return REPOSITORY;
    }

    @Override
    public boolean environmentExists(String environment) throws GitHubException {
        record("environmentExists " + environment);
        return environments.contains(environment);
    }

    @Override
    public void createEnvironment(String environment) throws GitHubException {
        record("createEnvironment " + environment);
        environments.add(environment);
    }

    @Override
    public RemoteState list(String environment) throws GitHubException {
        record("list " + environment);
        Map<String, Instant> names = new HashMap<>();
        secrets(environment).keySet().forEach(n -> names.put(n.toUpperCase(Locale.ROOT), Instant.EPOCH));
        Map<String, String> vars = new HashMap<>();
        variables(environment).forEach((n, v) -> vars.put(n.toUpperCase(Locale.ROOT), v));
        return new RemoteState(names, vars);
    }

    @Override
    public void setSecret(String environment, String name, SecretValue value) throws GitHubException {
        change(
                "setSecret " + environment + " " + name,
                () -> secrets.computeIfAbsent(environment, e -> new ConcurrentHashMap<>())
                        .put(name, value));
    }

    /** One bulk call, recorded as {@code "setSecrets env [NAMES]"}; a name fails as its single set would. */
    @Override
    public Map<String, String> setSecrets(
            String environment, Map<String, SecretValue> values, java.util.function.IntConsumer written)
            throws GitHubException {
        record("setSecrets " + environment + " " + new java.util.TreeSet<>(values.keySet()));
        Map<String, String> failed = new java.util.TreeMap<>();
        values.forEach((name, value) -> {
            if (failOn.contains("setSecret " + environment + " " + name)) {
                failed.put(name, "injected failure: setSecret " + environment + " " + name);
            } else {
                secrets.computeIfAbsent(environment, e -> new ConcurrentHashMap<>())
                        .put(name, value);
                written.accept(1);
            }
        });
        return failed;
    }

    @Override
    public void createVariable(String environment, String name, String value) throws GitHubException {
        change(
                "createVariable " + environment + " " + name,
                () -> variables
                        .computeIfAbsent(environment, e -> new ConcurrentHashMap<>())
                        .put(name, value));
    }

    @Override
    public void updateVariable(String environment, String name, String value) throws GitHubException {
        change(
                "updateVariable " + environment + " " + name,
                () -> variables
                        .computeIfAbsent(environment, e -> new ConcurrentHashMap<>())
                        .put(name, value));
    }

    @Override
    public void deleteSecret(String environment, String name) throws GitHubException {
        change(
                "deleteSecret " + environment + " " + name,
                () -> secrets(environment).remove(name));
    }

    @Override
    public void deleteVariable(String environment, String name) throws GitHubException {
        change(
                "deleteVariable " + environment + " " + name,
                () -> variables(environment).remove(name));
    }

    private void record(String call) throws GitHubException {
        calls.add(call);
        if (failOn.contains(call)) {
            throw new GitHubException(GitHubException.Kind.OTHER, call + ": gh failed (exit 1): HTTP 502");
        }
    }

    private void change(String call, Runnable effect) throws GitHubException {
        int now = running.incrementAndGet();
        maxRunning.accumulateAndGet(now, Math::max);
        try {
            CountDownLatch latch = gate;
            if (latch != null) {
                latch.countDown();
                latch.await(5, TimeUnit.SECONDS);
            }
            record(call);
            effect.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitHubException(GitHubException.Kind.OTHER, "interrupted");
        } finally {
            running.decrementAndGet();
        }
    }
}

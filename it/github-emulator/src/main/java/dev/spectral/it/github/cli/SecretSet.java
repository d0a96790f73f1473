package dev.spectral.it.github.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spectral.it.github.SealedBox;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@code gh secret set NAME --env E --repo O/R} (the value on stdin, every trailing CR and LF
 * stripped) and {@code gh secret set -f - --env E --repo O/R} (dotenv on stdin, see {@link Dotenv}),
 * as gh 2.23 does them: one {@code GET .../secrets/public-key}, then one {@code PUT .../secrets/NAME}
 * per secret with the value in a sealed box, all at once, each from its own thread. Nothing is
 * printed on success (stdout is not a terminal); failures are gathered as go-multierror words them.
 */
final class SecretSet {
    private static final List<Flags.Flag> FLAGS = List.of(
            new Flags.Flag("env", 'e', true), new Flags.Flag("repo", 'R', true), new Flags.Flag("env-file", 'f', true));
    private static final List<String> REFUSED = List.of(
            "--body",
            "-b",
            "--org",
            "-o",
            "--user",
            "-u",
            "--visibility",
            "-v",
            "--repos",
            "-r",
            "--no-store",
            "--app",
            "-a");
    /** What gh 2.23 sends as Accept for its REST calls outside {@code gh api}. */
    static final String ACCEPT =
            "application/vnd.github.merge-info-preview+json, application/vnd.github.nebula-preview";

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretSet() {}

    static int run(List<String> args, GhLite.Io io) throws GhFailure, IOException {
        Flags flags = Flags.parse(args, FLAGS, REFUSED, "secret set");
        String env = flags.value("env")
                .orElseThrow(() -> GhFailure.notEmulated(
                        "gh secret set without --env (a repository," + " organization or user secret)"));
        String repo = Repo.of(flags.value("repo")
                .orElseThrow(() -> GhFailure.notEmulated(
                        "gh secret set without --repo (finding the repository from git remotes)")));
        if (flags.arguments().size() > 1) {
            throw GhFailure.line(
                    "accepts at most 1 arg(s), received " + flags.arguments().size());
        }
        boolean fromFile = flags.given("env-file");
        if (fromFile && !flags.value("env-file").orElse("").equals("-")) {
            throw GhFailure.notEmulated("gh secret set -f FILE (only -f -, the file on stdin)");
        }
        if (!fromFile && flags.arguments().isEmpty()) {
            throw GhFailure.line("must pass name argument");
        }
        GhSettings settings = GhLite.authenticated(io);

        byte[] input = io.in().readAllBytes();
        Map<String, byte[]> secrets =
                fromFile ? Dotenv.parse(input) : Map.of(flags.arguments().get(0), trimTrailingLineBreaks(input));

        UnixHttp http = GhLite.http(settings);
        String base = "repos/" + repo + "/environments/" + env + "/secrets/";
        String keyUrl = UnixHttp.url(base + "public-key");
        JsonNode key;
        try {
            UnixHttp.Response response = http.send("GET", keyUrl, null, ACCEPT);
            if (response.code() > 299) {
                throw failure(
                        List.of("failed to fetch public key: " + HttpError.of(response, keyUrl)),
                        response.code() == 401,
                        false);
            }
            key = HttpError.JSON.readTree(response.body());
        } catch (UnixHttp.TransportException e) {
            throw failure(List.of("failed to fetch public key: " + e.getMessage()), false, false);
        }
        byte[] publicKey = Base64.getDecoder().decode(key.path("key").asText());
        String keyId = key.path("key_id").asText();

        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        List<Boolean> unauthorized = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        secrets.forEach((name, value) -> {
            Thread thread = new Thread(
                    () -> {
                        String url = UnixHttp.url(base + name);
                        ObjectNode payload = HttpError.JSON.createObjectNode();
                        payload.put(
                                "encrypted_value",
                                Base64.getEncoder().encodeToString(SealedBox.seal(value, publicKey, RANDOM)));
                        payload.put("key_id", keyId);
                        try {
                            UnixHttp.Response response =
                                    http.send("PUT", url, HttpError.JSON.writeValueAsBytes(payload), ACCEPT);
                            if (response.code() > 299) {
                                errors.add("failed to set secret \"" + name + "\": " + HttpError.of(response, url));
                                unauthorized.add(response.code() == 401);
                            }
                        } catch (IOException e) {
                            errors.add("failed to set secret \"" + name + "\": " + e.getMessage());
                        }
                    },
                    "gh-lite-secret-" + name);
            threads.add(thread);
            thread.start();
        });
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw GhFailure.line("gh-lite: interrupted");
            }
        }
        if (!errors.isEmpty()) {
            throw failure(errors, unauthorized.contains(true), true);
        }
        return 0;
    }

    /** gh's bytes.TrimRight(body, "\r\n"). */
    static byte[] trimTrailingLineBreaks(byte[] value) {
        int end = value.length;
        while (end > 0 && (value[end - 1] == '\r' || value[end - 1] == '\n')) {
            end--;
        }
        return java.util.Arrays.copyOf(value, end);
    }

    /**
     * What gh prints for a failed set: the errors as go-multierror lists them (when gathered from the
     * setters), then the line gh adds, and gh's hint when GitHub answered 401.
     */
    private static GhFailure failure(List<String> errors, boolean unauthorized, boolean gathered) {
        StringBuilder out = new StringBuilder();
        if (!gathered) {
            out.append(errors.get(0)).append('\n');
        } else if (errors.size() == 1) {
            out.append("1 error occurred:\n\t* ").append(errors.get(0)).append("\n\n\n");
        } else {
            out.append(errors.size()).append(" errors occurred:\n\t");
            List<String> points = errors.stream().map(e -> "* " + e).toList();
            out.append(String.join("\n\t", points)).append("\n\n\n");
        }
        if (unauthorized) {
            out.append("Try authenticating with:  gh auth login\n");
        }
        return new GhFailure(out.toString(), 1);
    }
}

package dev.spectral.it.github.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * gh-lite: the stand-in for the GitHub CLI where gh is not installed (it/fakes/gh runs it). A thin
 * client of the GitHub emulator: it reads gh's configuration as gh does ({@link GhSettings}: the
 * emulator's socket from {@code http_unix_socket}, the token), and for the few commands Spectral
 * Provision runs sends the requests gh 2.23 sends and prints what gh prints, with gh's exit codes.
 * It keeps no state and knows no route: everything GitHub decides (what exists, pagination,
 * timestamps, limits, faults) is the emulator's. Anything else is refused loudly, exit 1.
 *
 * <ul>
 *   <li>{@code gh secret set NAME --env E --repo O/R} and {@code gh secret set -f - --env E --repo O/R}: {@link SecretSet}
 *   <li>{@code gh api [--method M] [--include] [--input -] [--paginate] [--silent] PATH}: {@link Api}
 *   <li>{@code gh --version}
 * </ul>
 */
public final class GhLite {
    static final String VERSION = "gh version 2.23.0 (2023-02-21)\n"
            + "https://github.com/cli/cli/releases/tag/v2.23.0\n"
            + "gh-lite: the test stand-in for gh of Spectral Provision (it/fakes/gh), not the GitHub CLI\n";
    static final String AUTH_HELP = "To get started with GitHub CLI, please run:  gh auth login\n"
            + "Alternatively, populate the GH_TOKEN environment variable with a GitHub API authentication token.\n";

    /** What a run reads and writes: the environment, stdin, stdout, stderr. */
    record Io(Map<String, String> env, InputStream in, OutputStream out, OutputStream err) {}

    private GhLite() {}

    public static void main(String[] args) {
        int code = run(List.of(args), new Io(System.getenv(), System.in, System.out, System.err));
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /** Runs one command; returns its exit code. */
    public static int run(List<String> args, Io io) {
        try {
            try {
                return dispatch(args, io);
            } catch (GhFailure e) {
                io.out().flush();
                io.err().write(e.stderr().getBytes(StandardCharsets.UTF_8));
                io.err().flush();
                return e.exitCode();
            } catch (IOException | RuntimeException e) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                io.err()
                        .write(("gh-lite: internal error (a bug in gh-lite, not a gh error)\n" + trace)
                                .getBytes(StandardCharsets.UTF_8));
                io.err().flush();
                return 70;
            }
        } catch (IOException e) {
            return 70;
        }
    }

    private static int dispatch(List<String> args, Io io) throws GhFailure, IOException {
        if (args.equals(List.of("--version")) || args.equals(List.of("version"))) {
            io.out().write(VERSION.getBytes(StandardCharsets.UTF_8));
            io.out().flush();
            return 0;
        }
        if (args.isEmpty()) {
            throw GhFailure.notEmulated("gh without a command");
        }
        return switch (args.get(0)) {
            case "api" -> Api.run(args.subList(1, args.size()), io);
            case "secret" -> {
                if (args.size() < 2 || !args.get(1).equals("set")) {
                    throw GhFailure.notEmulated("gh secret " + (args.size() < 2 ? "" : args.get(1)));
                }
                yield SecretSet.run(args.subList(2, args.size()), io);
            }
            default -> throw GhFailure.notEmulated("gh " + args.get(0));
        };
    }

    /** gh's check before a command that talks to GitHub: without any credentials it stops with exit 4, sending nothing. */
    static GhSettings authenticated(Io io) throws GhFailure {
        GhSettings settings = GhSettings.read(io.env());
        if (!settings.authenticated()) {
            throw new GhFailure(AUTH_HELP, GhFailure.AUTH_EXIT);
        }
        return settings;
    }

    static UnixHttp http(GhSettings settings) throws GhFailure {
        return new UnixHttp(
                settings.socket()
                        .orElseThrow(() -> GhFailure.notEmulated(
                                "talking to anything but the GitHub emulator (no http_unix_socket in "
                                        + "$GH_CONFIG_DIR/config.yml)")),
                settings.token());
    }

    /** For tests: a run with stdin bytes, stdout and stderr captured. */
    static Result capture(Map<String, String> env, byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = run(
                List.of(args),
                new Io(env, new java.io.ByteArrayInputStream(stdin == null ? new byte[0] : stdin), out, err));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A captured run. */
    record Result(int exit, String stdout, String stderr) {}
}

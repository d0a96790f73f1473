package dev.spectral.it.github.cli;

/** How a command ends when it fails: what gh prints on stderr (as is), and its exit code. */
final class GhFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** gh's exit code when no credentials are configured at all. */
    static final int AUTH_EXIT = 4;

    private final String stderr;
    private final int exitCode;

    GhFailure(String stderr, int exitCode) {
        super(stderr);
        this.stderr = stderr;
        this.exitCode = exitCode;
    }

    /** One line of stderr (a newline is added), exit 1. */
    static GhFailure line(String message) {
        return new GhFailure(message + "\n", 1);
    }

    /** A command or flag gh has but this stand-in does not emulate: said loudly, exit 1. */
    static GhFailure notEmulated(String what) {
        return line("gh-lite: " + what + " is not emulated. gh-lite is the test stand-in for gh (it/fakes/gh); it does"
                + " only what Spectral Provision asks of gh 2.23: gh secret set NAME|-f - --env E --repo O/R,"
                + " gh api [--method M] [--include] [--input -] [--paginate] PATH, gh --version");
    }

    String stderr() {
        return stderr;
    }

    int exitCode() {
        return exitCode;
    }
}

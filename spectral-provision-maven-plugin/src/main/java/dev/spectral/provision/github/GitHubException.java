package dev.spectral.provision.github;

/** GitHub (through gh) refused or failed. The message says what, where, and how to fix it. */
public final class GitHubException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kind of failure, so callers can tell "not there" from "not allowed" from "broken". */
    public enum Kind {
        AUTHENTICATION,
        NOT_FOUND,
        OTHER
    }

    private final Kind kind;

    public GitHubException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public GitHubException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}

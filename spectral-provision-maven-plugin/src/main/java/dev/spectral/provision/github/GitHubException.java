package dev.spectral.provision.github;

/** GitHub (through gh) refused or failed. The message says what, where, and how to fix it. */
public final class GitHubException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kind of failure, so callers can tell "not there" from "not allowed" from "broken". */
    public enum Kind {
        AUTHENTICATION,
        NOT_FOUND,
        /** GitHub's rate limits: the hourly limit is spent, or throttling outlasted the run's wait budget. */
        RATE_LIMITED,
        OTHER
    }

    private final Kind kind;
    private final String reason;

    public GitHubException(Kind kind, String message) {
        this(kind, message, message);
    }

    /** @param reason what went wrong without the step, for a line that already names the key */
    public GitHubException(Kind kind, String message, String reason) {
        super(message);
        this.kind = kind;
        this.reason = reason;
    }

    public GitHubException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.reason = message;
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return reason;
    }
}

package dev.spectral.provision.publish;

import java.time.Duration;
import java.util.Optional;

/** How one change went. The error is redacted and names the step. */
public record ChangeResult(Change change, Status status, Optional<String> error, Duration duration) {

    /** The outcome of one change. */
    public enum Status {
        DONE,
        FAILED,
        /** Not attempted: a dry run, nothing to write, or an earlier step it depends on failed. */
        SKIPPED
    }

    public static ChangeResult skipped(Change change, String why) {
        return new ChangeResult(change, Status.SKIPPED, Optional.of(why), Duration.ZERO);
    }

    public boolean failed() {
        return status == Status.FAILED;
    }
}

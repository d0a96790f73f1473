package dev.spectral.provision.publish;

import dev.spectral.provision.process.Command;
import dev.spectral.provision.process.CommandException;
import dev.spectral.provision.process.CommandResult;
import dev.spectral.provision.process.CommandRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

/**
 * Writes the local {@code .env}: refused when git would track it, created 0600 from the start, and
 * replaced atomically (a temporary file in the same folder, then a move), so a reader never sees half
 * a file and a failure leaves the old one whole.
 */
public final class DotEnvWriter {

    private static final Duration GIT_TIMEOUT = Duration.ofSeconds(30);
    private static final int GIT_IGNORED = 0;
    private static final int GIT_NOT_IGNORED = 1;

    private final CommandRunner runner;

    public DotEnvWriter(CommandRunner runner) {
        this.runner = runner;
    }

    /** Fails when git tracks the file or would commit it; passes outside a git work tree. */
    public void checkIgnored(Path file) throws DotEnvException {
        Path dir = file.toAbsolutePath().getParent();
        String name = file.getFileName().toString();
        CommandResult tracked = git(dir, "ls-files", "--error-unmatch", "--", name);
        if (tracked.succeeded()) {
            throw new DotEnvException(
                    file + " is tracked by git, so its secrets would be committed; nothing was written. "
                            + "Run 'git rm --cached " + name + "', add it to .gitignore, and run again");
        }
        CommandResult ignored = git(dir, "check-ignore", "-q", "--", name);
        if (ignored.exitCode() == GIT_NOT_IGNORED) {
            throw new DotEnvException(
                    file + " is not ignored by git, so its secrets could be committed; nothing was written. " + "Add '"
                            + name + "' to .gitignore and run again");
        }
        if (ignored.exitCode() != GIT_IGNORED && !notAWorkTree(ignored)) {
            throw new DotEnvException("cannot tell whether git ignores " + file + " (git check-ignore exit "
                    + ignored.exitCode() + ": " + ignored.stderrText().strip() + "); nothing was written");
        }
    }

    /** True when the file exists and holds exactly this text, so that writing it again changes nothing. */
    public boolean holds(Path file, String content) {
        try {
            return Files.isRegularFile(file)
                    && Files.readString(file, StandardCharsets.UTF_8).equals(content);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public void write(Path file, String content) throws DotEnvException {
        Path target = file.toAbsolutePath();
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(
                    target.getParent(),
                    "." + target.getFileName() + ".",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            throw new DotEnvException(
                    "cannot write " + target + ": " + e.getMessage() + "; the previous file, if any, is unchanged", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // Best effort: the temporary file is 0600 and in the same folder as the .env.
                }
            }
        }
    }

    private static boolean notAWorkTree(CommandResult result) {
        return result.stderrText().contains("not a git repository");
    }

    private CommandResult git(Path dir, String... args) throws DotEnvException {
        List<String> argv = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        argv.addAll(List.of(args));
        try {
            return runner.run(Command.of("check that git ignores the .env", GIT_TIMEOUT, argv));
        } catch (CommandException e) {
            throw new DotEnvException(e.getMessage() + "; nothing was written", e);
        }
    }

    /** The .env could not be written; nothing was, or the old file is intact. */
    public static final class DotEnvException extends Exception {
        private static final long serialVersionUID = 1L;

        public DotEnvException(String message) {
            super(message);
        }

        public DotEnvException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

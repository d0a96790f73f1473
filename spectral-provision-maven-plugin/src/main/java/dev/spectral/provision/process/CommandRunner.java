package dev.spectral.provision.process;

/** Runs external programs; the seam where tests put fakes. */
public interface CommandRunner {

    /**
     * Runs the command to its end. A non-zero exit is a result, not an exception.
     *
     * @throws CommandException when the program cannot be started, or exceeds its timeout
     */
    CommandResult run(Command command) throws CommandException;
}

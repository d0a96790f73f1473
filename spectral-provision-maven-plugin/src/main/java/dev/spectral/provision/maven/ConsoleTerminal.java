package dev.spectral.provision.maven;

import dev.spectral.provision.rotate.Terminal;
import java.io.Console;
import java.util.Optional;

/** The JVM's console, when Maven runs interactively and has one; otherwise nothing is ever asked. */
final class ConsoleTerminal implements Terminal {

    private final Console console;

    ConsoleTerminal(boolean interactiveMode) {
        this.console = interactiveMode ? System.console() : null;
    }

    @Override
    public boolean interactive() {
        return console != null;
    }

    @Override
    public Optional<String> readLine(String prompt) {
        return console == null ? Optional.empty() : Optional.ofNullable(console.readLine("%s", prompt));
    }

    @Override
    public Optional<char[]> readSecret(String prompt) {
        return console == null ? Optional.empty() : Optional.ofNullable(console.readPassword("%s", prompt));
    }
}

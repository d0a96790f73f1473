package dev.spectral.provision.rotate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A scripted person at the keyboard. In batch mode ({@link #batch()}, no console) any question fails the test, since
 * a real batch run would hang or read nothing. Keeps every prompt, and every secret array it handed out.
 */
final class FakeTerminal implements Terminal {

    private final boolean interactive;
    private final Deque<String> lines = new ArrayDeque<>();
    private final Deque<String> secrets = new ArrayDeque<>();
    private final List<String> prompts = new ArrayList<>();
    private final List<char[]> handedOut = new ArrayList<>();

    private FakeTerminal(boolean interactive) {
        this.interactive = interactive;
    }

    static FakeTerminal batch() {
        return new FakeTerminal(false);
    }

    static FakeTerminal withConsole() {
        return new FakeTerminal(true);
    }

    /** The next answer to {@link #readLine}; without one, readLine meets end of input. */
    FakeTerminal answer(String line) {
        lines.add(line);
        return this;
    }

    /** The next entry to {@link #readSecret}; without one, readSecret meets end of input. */
    FakeTerminal type(String secret) {
        secrets.add(secret);
        return this;
    }

    List<String> prompts() {
        return List.copyOf(prompts);
    }

    List<char[]> handedOut() {
        return List.copyOf(handedOut);
    }

    @Override
    public boolean interactive() {
        return interactive;
    }

    @Override
    public Optional<String> readLine(String prompt) {
        ask(prompt);
        return Optional.ofNullable(lines.poll());
    }

    @Override
    public Optional<char[]> readSecret(String prompt) {
        ask(prompt);
        String next = secrets.poll();
        if (next == null) {
            return Optional.empty();
        }
        char[] chars = next.toCharArray();
        handedOut.add(chars);
        return Optional.of(chars);
    }

    private void ask(String prompt) {
        if (!interactive) {
            throw new AssertionError("asked '" + prompt + "' without a console");
        }
        prompts.add(prompt);
    }
}

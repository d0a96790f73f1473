package dev.spectral.provision.testing;

import dev.spectral.provision.process.Command;
import dev.spectral.provision.process.CommandException;
import dev.spectral.provision.process.CommandResult;
import dev.spectral.provision.process.CommandRunner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake {@link CommandRunner}: records every command and answers from a script of rules, the first
 * rule whose argv prefix matches. A command no rule matches fails the test.
 */
public final class ScriptedRunner implements CommandRunner {

    /** What a rule does with a command: a result, or the exception a real runner would throw. */
    @FunctionalInterface
    public interface Response {
        CommandResult respond(Command command) throws CommandException;
    }

    private record Rule(List<String> prefix, Response response) {}

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Command> commands = new CopyOnWriteArrayList<>();

    /** Answers every command whose argv starts with the given words. */
    public ScriptedRunner on(List<String> argvPrefix, Response response) {
        rules.add(new Rule(List.copyOf(argvPrefix), response));
        return this;
    }

    @Override
    public CommandResult run(Command command) throws CommandException {
        commands.add(command);
        for (Rule rule : rules) {
            List<String> argv = command.argv();
            if (argv.size() >= rule.prefix().size()
                    && argv.subList(0, rule.prefix().size()).equals(rule.prefix())) {
                return rule.response().respond(command);
            }
        }
        throw new AssertionError("unexpected command: " + command.argv());
    }

    public List<Command> commands() {
        return List.copyOf(commands);
    }

    /** The recorded commands whose argv starts with the given words. */
    public List<Command> commands(String... argvPrefix) {
        List<String> prefix = Arrays.asList(argvPrefix);
        return commands.stream()
                .filter(c -> c.argv().size() >= prefix.size()
                        && c.argv().subList(0, prefix.size()).equals(prefix))
                .toList();
    }

    public static CommandResult ok(String stdout) {
        return ok(stdout.getBytes(StandardCharsets.UTF_8));
    }

    public static CommandResult ok(byte[] stdout) {
        return new CommandResult(0, stdout, new byte[0], Duration.ofMillis(1));
    }

    public static CommandResult exit(int code, String stderr) {
        return new CommandResult(code, new byte[0], stderr.getBytes(StandardCharsets.UTF_8), Duration.ofMillis(1));
    }
}

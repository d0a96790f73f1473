package dev.spectral.it.github.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Command-line flags the way gh's parser (cobra/pflag) reads them: {@code --name value},
 * {@code --name=value}, {@code -n value}, {@code -nvalue}, boolean flags without a value, flags
 * before or after the arguments, {@code --} ending the flags. A flag the command has in gh but this
 * stand-in does not emulate is refused by name.
 */
final class Flags {
    /** A flag: its long name, its one-letter name (or 0), whether it takes a value. */
    record Flag(String name, char shorthand, boolean takesValue) {}

    private final Map<String, String> values = new HashMap<>();
    private final List<String> arguments = new ArrayList<>();

    private Flags() {}

    /**
     * @param emulated the flags this command understands
     * @param refused  long and short names ({@code "--body"}, {@code "-b"}) gh has but gh-lite does not emulate
     */
    static Flags parse(List<String> args, List<Flag> emulated, List<String> refused, String command) throws GhFailure {
        Flags flags = new Flags();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                flags.arguments.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                flags.arguments.add(arg);
                continue;
            }
            boolean isLong = arg.startsWith("--");
            String name;
            String inline = null;
            if (isLong) {
                int eq = arg.indexOf('=');
                name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
                inline = eq < 0 ? null : arg.substring(eq + 1);
            } else {
                name = arg.substring(1, 2);
                inline = arg.length() > 2 ? (arg.charAt(2) == '=' ? arg.substring(3) : arg.substring(2)) : null;
            }
            if (refused.contains((isLong ? "--" : "-") + name)) {
                throw GhFailure.notEmulated("gh " + command + " " + (isLong ? "--" : "-") + name);
            }
            Optional<Flag> flag = emulated.stream()
                    .filter(f -> isLong ? f.name().equals(name) : f.shorthand() == name.charAt(0))
                    .findFirst();
            if (flag.isEmpty()) {
                throw GhFailure.line(
                        isLong ? "unknown flag: --" + name : "unknown shorthand flag: '" + name + "' in " + arg);
            }
            if (!flag.get().takesValue()) {
                if (!isLong && inline != null) {
                    throw GhFailure.notEmulated("combining one-letter flags (" + arg + ")");
                }
                flags.values.put(flag.get().name(), inline == null ? "true" : inline);
                continue;
            }
            if (inline == null) {
                if (i + 1 >= args.size()) {
                    throw GhFailure.line(
                            "flag needs an argument: " + (isLong ? "--" + name : "'" + name + "' in " + arg));
                }
                inline = args.get(++i);
            }
            flags.values.put(flag.get().name(), inline);
        }
        return flags;
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    boolean on(String name) {
        return "true".equals(values.get(name));
    }

    boolean given(String name) {
        return values.containsKey(name);
    }

    List<String> arguments() {
        return arguments;
    }
}

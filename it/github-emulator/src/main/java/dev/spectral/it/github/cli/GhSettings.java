package dev.spectral.it.github.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What gh reads before it sends a request, read the same way: the config directory
 * ({@code GH_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/gh}, else {@code ~/.config/gh}), its
 * {@code config.yml} ({@code http_unix_socket}) and {@code hosts.yml} (the {@code github.com} entry
 * and its {@code oauth_token}), and the token variables {@code GH_TOKEN} and {@code GITHUB_TOKEN},
 * which win over the file.
 *
 * <p>The YAML read is the flat form gh and {@code GhConfig} write: top-level {@code key: value} and
 * {@code host:} entries with indented {@code key: value} lines; plain, single- or double-quoted scalars.
 */
record GhSettings(Optional<Path> socket, Optional<String> token, boolean hostConfigured) {
    static final String HOST = "github.com";

    static GhSettings read(Map<String, String> env) throws GhFailure {
        Path dir = configDir(env);
        Map<String, Map<String, String>> config = yaml(dir.resolve("config.yml"));
        Map<String, Map<String, String>> hosts = yaml(dir.resolve("hosts.yml"));
        Optional<Path> socket = Optional.ofNullable(
                        config.getOrDefault("", Map.of()).get("http_unix_socket"))
                .filter(s -> !s.isEmpty())
                .map(Path::of);
        Optional<String> token = Optional.ofNullable(nonEmpty(env.get("GH_TOKEN")))
                .or(() -> Optional.ofNullable(nonEmpty(env.get("GITHUB_TOKEN"))));
        boolean configured = hosts.containsKey(HOST);
        if (token.isEmpty() && configured) {
            token = Optional.ofNullable(nonEmpty(hosts.get(HOST).get("oauth_token")));
        }
        return new GhSettings(socket, token, configured);
    }

    /** gh's check before a command that needs GitHub: a token from the environment, or a host entry. */
    boolean authenticated() {
        return token.isPresent() || hostConfigured;
    }

    static Path configDir(Map<String, String> env) {
        if (nonEmpty(env.get("GH_CONFIG_DIR")) != null) {
            return Path.of(env.get("GH_CONFIG_DIR"));
        }
        if (nonEmpty(env.get("XDG_CONFIG_HOME")) != null) {
            return Path.of(env.get("XDG_CONFIG_HOME"), "gh");
        }
        return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".config", "gh");
    }

    private static String nonEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** Top-level scalars under the key "", each {@code host:} block's scalars under its name. */
    static Map<String, Map<String, String>> yaml(Path file) throws GhFailure {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            throw GhFailure.line("gh-lite: cannot read " + file + ": " + e.getMessage());
        }
        Map<String, Map<String, String>> out = new HashMap<>();
        String block = "";
        for (String raw : text.split("\n", -1)) {
            String line = raw.stripTrailing();
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            boolean indented = Character.isWhitespace(line.charAt(0));
            int colon = content.indexOf(':');
            if (colon <= 0) {
                throw GhFailure.line(
                        "gh-lite: " + file + ": cannot read the line '" + content + "' (only key: value lines)");
            }
            String key = scalar(content.substring(0, colon).strip());
            String value = content.substring(colon + 1).strip();
            if (!indented) {
                block = "";
                if (value.isEmpty()) {
                    block = key;
                    out.computeIfAbsent(block, k -> new HashMap<>());
                    continue;
                }
            }
            out.computeIfAbsent(indented ? block : "", k -> new HashMap<>()).put(key, scalar(value));
        }
        return out;
    }

    /**
     * A YAML scalar: "double-quoted" (with \" \\ \n \t \xNN \\uNNNN), 'single-quoted' ('' is '), or plain;
     * a {@code # comment} after it is dropped.
     */
    static String scalar(String text) {
        if (text.startsWith("\"")) {
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\' || i + 1 >= text.length()) {
                    out.append(c);
                    continue;
                }
                char e = text.charAt(++i);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case '0' -> out.append('\0');
                    case 'x' -> {
                        out.append((char) Integer.parseInt(text.substring(i + 1, i + 3), 16));
                        i += 2;
                    }
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> out.append(e);
                }
            }
            return out.toString();
        }
        if (text.startsWith("'")) {
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    out.append('\'');
                    i++;
                } else if (c == '\'') {
                    return out.toString();
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
        int comment = text.indexOf(" #");
        return (comment >= 0 ? text.substring(0, comment) : text).strip();
    }
}

package dev.spectral.provision.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering of the main code, read from its sources: no two packages depend on each other, even
 * through others, and only the Mojos' package knows Maven.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final String ROOT = "dev.spectral.provision";
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
    /** An import, or a qualified name in code: {@code dev.spectral.provision.x.Y}. */
    private static final Pattern REFERENCE =
            Pattern.compile("\\b(dev\\.spectral\\.provision(?:\\.[a-z]\\w*)*)\\.[A-Z]");

    private static final Pattern MAVEN = Pattern.compile("(?m)^import (?:static )?org\\.apache\\.maven\\.");

    private static Map<String, String> sources() {
        Map<String, String> byFile = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                try {
                    byFile.put(SOURCES.relativize(f).toString(), Files.readString(f));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byFile;
    }

    private static Map<String, Set<String>> arrows() {
        Map<String, Set<String>> arrows = new TreeMap<>();
        sources().values().forEach(text -> {
            Matcher p = PACKAGE.matcher(text);
            assertTrue(p.find(), "a source without a package");
            String from = p.group(1);
            Set<String> to = arrows.computeIfAbsent(from, k -> new TreeSet<>());
            Matcher r = REFERENCE.matcher(text.substring(p.end()));
            while (r.find()) {
                if (!r.group(1).equals(from) && r.group(1).startsWith(ROOT)) {
                    to.add(r.group(1));
                }
            }
        });
        return arrows;
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        Map<String, Set<String>> arrows = arrows();
        assertTrue(arrows.size() > 10, "the sources were not found: " + SOURCES.toAbsolutePath());
        List<List<String>> cycles = new ArrayList<>();
        for (String start : arrows.keySet()) {
            findCycle(start, arrows).ifPresent(cycles::add);
        }
        assertEquals(List.of(), cycles, "package cycles: " + cycles);
    }

    /** A shortest path from a package back to itself, if there is one. */
    private static Optional<List<String>> findCycle(String start, Map<String, Set<String>> arrows) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(arrows.getOrDefault(start, Set.of()));
        arrows.getOrDefault(start, Set.of()).forEach(next -> cameFrom.put(next, start));
        while (!queue.isEmpty()) {
            String at = queue.poll();
            if (at.equals(start)) {
                List<String> path = new ArrayList<>(List.of(start));
                for (String step = cameFrom.get(start); !step.equals(start); step = cameFrom.get(step)) {
                    path.add(0, step);
                }
                path.add(0, start);
                return Optional.of(path);
            }
            for (String next : arrows.getOrDefault(at, Set.of())) {
                if (!cameFrom.containsKey(next)) {
                    cameFrom.put(next, at);
                    queue.add(next);
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void onlyTheMojosKnowMaven() {
        List<String> outside = sources().entrySet().stream()
                .filter(e -> MAVEN.matcher(e.getValue()).find())
                .map(Map.Entry::getKey)
                .filter(file -> !file.startsWith("dev/spectral/provision/maven/"))
                .toList();
        assertEquals(List.of(), outside);
    }
}

package dev.spectral.provision.maven;

import java.nio.file.Path;

/** How paths are shown to the user. */
final class DisplayPaths {

    private DisplayPaths() {}

    /** The path relative to where the build started, when it lies below it; else absolute. */
    static String displayName(Path file, Path root) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
    }
}

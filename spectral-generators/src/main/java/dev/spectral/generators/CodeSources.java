package dev.spectral.generators;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;

/**
 * Says which jar a class came from, so that an error about a generator can point at the
 * {@code <dependency>} to remove.
 */
final class CodeSources {

    static final String UNKNOWN = "unknown source";

    private CodeSources() {}

    /** The jar or directory path of {@code type}, its URL when not a file, or {@link #UNKNOWN}. */
    static String of(Class<?> type) {
        URL location = location(type);
        if (location == null) {
            return UNKNOWN;
        }
        if ("file".equalsIgnoreCase(location.getProtocol())) {
            try {
                return Path.of(location.toURI()).toString();
            } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
                // Not a plain file URL after all: the URL itself still tells the reader where to look.
            }
        }
        return location.toString();
    }

    private static URL location(Class<?> type) {
        try {
            ProtectionDomain domain = type.getProtectionDomain();
            CodeSource source = domain == null ? null : domain.getCodeSource();
            return source == null ? null : source.getLocation();
        } catch (SecurityException e) {
            return null;
        }
    }
}

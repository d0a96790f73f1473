package dev.spectral.provision.config;

/**
 * Where something stands in the configuration file, as people and editors read it.
 *
 * @param file the file as shown to the user (relative to the project where possible)
 * @param line 1-based line
 * @param column 1-based column
 */
public record Position(String file, int line, int column) {

    /** The file as a whole, for problems that have no better place. */
    public static Position ofFile(String file) {
        return new Position(file, 1, 1);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}

package dev.spectral.generators;

/**
 * The wording of every {@link GeneratorRegistryException}. Each message names the class and the
 * jar at fault and ends with what to change in the {@code pom.xml}. Ids and class names are not
 * secret; generated values never reach this class.
 */
final class RegistryErrors {

    private static final String SERVICES_FILE = "META-INF/services/" + SecretGenerator.class.getName();
    private static final String REMOVE_HINT =
            "from the <dependencies> of spectral-provision-maven-plugin in your pom.xml";

    private RegistryErrors() {}

    static GeneratorRegistryException duplicate(String id, GeneratorInfo first, GeneratorInfo second) {
        return new GeneratorRegistryException("Two generators claim the id '" + id + "': "
                + first.className() + " (from " + first.source() + ") and "
                + second.className() + " (from " + second.source() + "). "
                + "Ids must be unique: remove one of these jars " + REMOVE_HINT + ".");
    }

    static GeneratorRegistryException reserved(String className, String source) {
        return new GeneratorRegistryException("Generator " + className + " (from " + source + ") claims the id '"
                + GeneratorIds.PROMPT + "', which is reserved for values typed in by a person. "
                + "Give it another id, or remove " + source + " " + REMOVE_HINT + ".");
    }

    static GeneratorRegistryException malformed(String className, String source, String id) {
        String shown = id == null ? "null" : "'" + id + "'";
        return new GeneratorRegistryException("Generator " + className + " (from " + source + ") claims the id "
                + shown + ", which is not lower-case letters and digits joined by single dashes ("
                + GeneratorIds.WELL_FORMED.pattern() + "). "
                + "Fix the id, or remove " + source + " " + REMOVE_HINT + ".");
    }

    static GeneratorRegistryException badDescription(String className, String source) {
        return new GeneratorRegistryException("Generator " + className + " (from " + source + ") has no one-line "
                + "description: description() must return non-blank text without line breaks. "
                + "Fix it, or remove " + source + " " + REMOVE_HINT + ".");
    }

    static GeneratorRegistryException notCreated(String className, String source, Throwable cause) {
        // ServiceLoader's own message only says "could not be instantiated"; the reason is deeper.
        return new GeneratorRegistryException(
                "Generator " + className + " (from " + source + ") could not be "
                        + "created: " + rootOf(cause) + ". "
                        + "A generator needs a public no-argument constructor that does not throw. "
                        + "Fix it, or remove " + source + " " + REMOVE_HINT + ".",
                cause);
    }

    static GeneratorRegistryException notDescribed(String className, String source, Throwable cause) {
        return new GeneratorRegistryException(
                "Generator " + className + " (from " + source + ") failed while "
                        + "reporting its id or description: " + cause + ". "
                        + "Fix it, or remove " + source + " " + REMOVE_HINT + ".",
                cause);
    }

    static GeneratorRegistryException notListed(Throwable cause) {
        return new GeneratorRegistryException(
                "A generator named in " + SERVICES_FILE + " could not be loaded: "
                        + cause.getMessage() + ". Check that the jar holding it, and everything it needs, is among the "
                        + "<dependencies> of spectral-provision-maven-plugin in your pom.xml, or remove the jar whose "
                        + "services file names it.",
                cause);
    }

    private static Throwable rootOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}

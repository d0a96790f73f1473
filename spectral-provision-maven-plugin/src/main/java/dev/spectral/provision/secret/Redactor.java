package dev.spectral.provision.secret;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Masks every value a run has resolved, in any text the plugin prints or throws.
 *
 * <p>Like GitHub Actions masking, a multi-line value is registered whole and line by line, so that a
 * single line of a PEM or JSON value printed on its own is masked too. Lines shorter than
 * {@value #MIN_LINE_LENGTH} characters are not registered on their own (masking every {@code "}
 * or {@code }} would garble all output); the whole value always is.
 */
public final class Redactor {

    public static final String MASK = "***";
    static final int MIN_LINE_LENGTH = 4;

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    public void register(String value) {
        if (value.isEmpty()) {
            return;
        }
        secrets.add(value);
        for (String line : value.split("\r?\n")) {
            if (line.strip().length() >= MIN_LINE_LENGTH) {
                secrets.add(line);
                secrets.add(line.strip());
            }
        }
    }

    public String redact(String text) {
        if (text == null || text.isEmpty() || secrets.isEmpty()) {
            return text;
        }
        List<String> longestFirst = secrets.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        String result = text;
        for (String secret : longestFirst) {
            result = result.replace(secret, MASK);
        }
        return result;
    }
}

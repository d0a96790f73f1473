package dev.spectral.provision.verify.scan;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A secret in a known format, base64-encoded: a PEM private key as Kubernetes' {@code client-key-data} holds
 * it, a service-account JSON kept in one line, a JWT encoded once more (gitleaks jwt-base64), a URL with a
 * password. Each run of base64 in the value (at least {@value #MIN_RUN} characters, either alphabet) that decodes
 * to text is read with the value-only rules given; the key's name plays no part.
 *
 * <p>Binary that happens to decode (a random key, a hash) is not text: at least 90% of its characters must be
 * printable, so it is never read further.
 */
public record EncodedRule(String id, String description, List<SecretRule> inner) implements SecretRule {

    static final int MIN_RUN = 24;
    private static final double PRINTABLE_SHARE = 0.9;
    private static final Pattern RUN = Pattern.compile("[A-Za-z0-9+/_-]{" + MIN_RUN + ",}={0,2}");

    public EncodedRule {
        inner = List.copyOf(inner);
    }

    @Override
    public boolean matches(String key, String value) {
        Matcher run = RUN.matcher(value);
        while (run.find()) {
            Optional<String> text = Json.decodeBase64(run.group()).filter(EncodedRule::isText);
            if (text.isPresent() && inner.stream().anyMatch(rule -> rule.matches(key, text.get()))) {
                return true;
            }
        }
        return false;
    }

    static boolean isText(String decoded) {
        if (decoded.isEmpty() || decoded.indexOf('\uFFFD') >= 0) {
            return false;
        }
        long printable = decoded.chars()
                .filter(c -> c >= 0x20 && c < 0x7f || c == '\n' || c == '\r' || c == '\t')
                .count();
        return printable >= PRINTABLE_SHARE * decoded.length();
    }
}

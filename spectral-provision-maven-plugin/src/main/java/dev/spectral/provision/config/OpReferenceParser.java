package dev.spectral.provision.config;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses {@code op://vault/item[/section]/field[?query]} as 1Password's secret-reference syntax
 * allows: names of letters, digits, {@code - _ .} and space (other names must be written as IDs),
 * and the queries {@code attribute=...} and {@code ssh-format=openssh}.
 */
public final class OpReferenceParser {

    public static final String SCHEME = "op://";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+(?: [A-Za-z0-9._-]+)*");
    private static final Set<String> ATTRIBUTES = Set.of("type", "value", "id", "purpose", "label", "otp", "totp");
    private static final String SHAPE = "op://<vault>/<item>/<field> or op://<vault>/<item>/<section>/<field>";

    private OpReferenceParser() {}

    /** True when the value is meant as a reference (even a malformed one), not as a literal. */
    public static boolean looksLikeReference(String value) {
        return value.toLowerCase(Locale.ROOT).startsWith("op:");
    }

    public static OpReference parse(String text) throws InvalidValueException {
        if (!text.startsWith(SCHEME)) {
            throw new InvalidValueException(
                    "'" + text + "' is not a 1Password reference: it must start with " + SCHEME,
                    "write it as " + SHAPE);
        }
        String rest = text.substring(SCHEME.length());
        Optional<String> query = Optional.empty();
        int mark = rest.indexOf('?');
        if (mark >= 0) {
            query = Optional.of(checkQuery(text, rest.substring(mark + 1)));
            rest = rest.substring(0, mark);
        }
        String[] parts = rest.split("/", -1);
        if (parts.length < 3 || parts.length > 4) {
            throw new InvalidValueException(
                    "reference '" + text + "' has " + parts.length
                            + " path parts; it needs vault, item, an optional section, and field",
                    "write it as " + SHAPE);
        }
        for (String part : parts) {
            if (!NAME.matcher(part).matches()) {
                throw new InvalidValueException(
                        "reference '" + text + "' has an invalid name '" + part
                                + "': names are letters, digits, '-', '_', '.' and single inner spaces",
                        "rename the vault, item, section or field in 1Password, or use its ID instead of its name");
            }
        }
        Optional<String> section = parts.length == 4 ? Optional.of(parts[2]) : Optional.empty();
        return new OpReference(text, parts[0], parts[1], section, parts[parts.length - 1], query);
    }

    private static String checkQuery(String text, String query) throws InvalidValueException {
        String[] pair = query.split("=", -1);
        boolean valid = pair.length == 2
                && (pair[0].equals("attribute") && ATTRIBUTES.contains(pair[1])
                        || pair[0].equals("ssh-format") && pair[1].equals("openssh"));
        if (!valid) {
            throw new InvalidValueException(
                    "reference '" + text + "' has an unknown query '?" + query + "'",
                    "use ?attribute="
                            + String.join("|", ATTRIBUTES.stream().sorted().toList())
                            + " or ?ssh-format=openssh, or drop the query");
        }
        return query;
    }
}

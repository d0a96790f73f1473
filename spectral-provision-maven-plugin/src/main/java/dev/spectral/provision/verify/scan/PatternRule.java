package dev.spectral.provision.verify.scan;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A credential with a recognisable prefix or shape, found anywhere in the value. The key is not read.
 *
 * <p>Keywords, when given, are literal strings one of which every match contains (a token's prefix, as gitleaks
 * lists them per rule): a value holding none is passed without running the pattern. With a hundred rules over
 * every literal, this keeps a scan linear and fast.
 */
public record PatternRule(String id, String description, Pattern pattern, List<String> keywords) implements SecretRule {

    public PatternRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(pattern, "pattern");
        keywords = List.copyOf(keywords);
    }

    public static PatternRule of(String id, String description, String regex, String... keywords) {
        return new PatternRule(id, description, Pattern.compile(regex), List.of(keywords));
    }

    @Override
    public boolean matches(String key, String value) {
        return (keywords.isEmpty() || keywords.stream().anyMatch(value::contains))
                && pattern.matcher(value).find();
    }

    /**
     * The literal text a regular expression starts with ({@code sk-ant-} for {@code sk-ant-[a-z]+}), or an empty
     * string when it starts with a class, a group or an optional character.
     */
    static String literalPrefix(String regex) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length() && ".-~$/_".indexOf(regex.charAt(i + 1)) >= 0) {
                out.append(regex.charAt(++i));
            } else if ("\\[](){}?*+|^$.".indexOf(c) >= 0) {
                if ("?*{".indexOf(c) >= 0 && !out.isEmpty()) {
                    out.setLength(out.length() - 1);
                }
                break;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

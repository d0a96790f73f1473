package dev.spectral.provision.config;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A 1Password secret reference, {@code op://vault/item[/section]/field[?query]}.
 *
 * <p>1Password matches names case-insensitively, so {@link #itemId()} and {@link #equals} compare
 * lower-cased names; {@link #toString()} gives the reference as written.
 */
public final class OpReference {

    private final String text;
    private final String vault;
    private final String item;
    private final Optional<String> section;
    private final String field;
    private final Optional<String> query;

    OpReference(
            String text, String vault, String item, Optional<String> section, String field, Optional<String> query) {
        this.text = Objects.requireNonNull(text);
        this.vault = Objects.requireNonNull(vault);
        this.item = Objects.requireNonNull(item);
        this.section = Objects.requireNonNull(section);
        this.field = Objects.requireNonNull(field);
        this.query = Objects.requireNonNull(query);
    }

    public String vault() {
        return vault;
    }

    public String item() {
        return item;
    }

    public Optional<String> section() {
        return section;
    }

    public String field() {
        return field;
    }

    public Optional<String> query() {
        return query;
    }

    /** Another field of the same item and section, without a query: {@code op://vault/item[/section]/field}. */
    public OpReference withField(String otherField) {
        return new OpReference(
                OpReferenceParser.SCHEME + vault + "/" + item + "/"
                        + section.map(s -> s + "/").orElse("") + otherField,
                vault,
                item,
                section,
                otherField,
                Optional.empty());
    }

    /** {@code vault/item}, lower-cased: the identity of the 1Password item this reference reads. */
    public String itemId() {
        return (vault + "/" + item).toLowerCase(Locale.ROOT);
    }

    /** The whole reference, lower-cased: two references that read the same value have equal keys. */
    private String identity() {
        return text.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OpReference ref && ref.identity().equals(identity());
    }

    @Override
    public int hashCode() {
        return identity().hashCode();
    }

    /** The reference exactly as written in the file. */
    @Override
    public String toString() {
        return text;
    }
}

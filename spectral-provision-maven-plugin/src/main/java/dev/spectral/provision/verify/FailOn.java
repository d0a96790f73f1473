package dev.spectral.provision.verify;

import java.util.Arrays;
import java.util.Locale;

/** What fails {@code spectral:verify}: errors only, or warnings too. */
public enum FailOn {
    ERROR,
    WARNING;

    /** The parameter as users write it ({@code error}, {@code warning}), in any case. */
    public static FailOn parse(String text) {
        return Arrays.stream(values())
                .filter(v -> v.name().equalsIgnoreCase(text.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("it must be error or warning (it is '" + text + "')"));
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}

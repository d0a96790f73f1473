package dev.spectral.provision.verify.scan;

import java.util.regex.Pattern;

/**
 * The generic rule (after gitleaks' generic-api-key): the key's name suggests a secret
 * ({@link KeyNames#suggestsSecret}) and the value looks random.
 *
 * <p>Random means: at least {@value #MIN_LENGTH} characters, no whitespace, and a Shannon entropy above
 * {@value #THRESHOLD} bits per character ({@value #HEX_THRESHOLD} for a value made of hex digits only).
 * Why these numbers: a string of n characters has {@code H <= log2 n}, so below 12 characters no value can
 * pass 3.5 bits and entropy says nothing; from 16 characters random base64 or base62 measures about 3.7 and
 * more, while words, identifiers and settings stay below. Hex has 16 symbols, so {@code H <= 4} whatever the
 * length, and a random 16–24 digit hex secret measures 3.2–3.6: the bar is lowered to 3.0 for hex, which
 * ordinary hex (a commit id, a colour) still rarely reaches under a secret's name.
 *
 * <p>Values that are public whatever their name ({@link PublicValues}) are never flagged.
 */
public record EntropyRule(String id, String description) implements SecretRule {

    public static final int MIN_LENGTH = 16;
    public static final double THRESHOLD = 3.5;
    public static final double HEX_THRESHOLD = 3.0;

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

    @Override
    public boolean matches(String key, String value) {
        String text = value.strip();
        return text.codePointCount(0, text.length()) >= MIN_LENGTH
                && KeyNames.suggestsSecret(key)
                && !PublicValues.isPublic(text)
                && Entropy.bitsPerChar(text) > (HEX.matcher(text).matches() ? HEX_THRESHOLD : THRESHOLD);
    }
}

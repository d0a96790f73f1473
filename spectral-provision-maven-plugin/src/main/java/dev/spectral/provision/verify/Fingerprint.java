package dev.spectral.provision.verify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A fingerprint of a literal, to allow that exact value without repeating it: {@code sha256:} and the
 * first 16 hex digits of the SHA-256 of its UTF-8 bytes ({@code sha256:9f86d081884c7d65}).
 *
 * <p>16 hex digits are 64 bits: two different values of one file share a fingerprint with a probability
 * near n²/2⁶⁵ (nil for the few hundred values a file holds), and making a value to fit a given fingerprint
 * takes about 2⁶⁴ hashes. A longer prefix, up to all 64 digits, is accepted and compared in full.
 *
 * <p>Printing a fingerprint adds nothing for whoever reads the file: the value is right there. For whoever
 * reads only the build log it is a hash, but an unsalted one, so a weak password could be guessed from it
 * by trying candidates; which is why such a value must be moved to 1Password, not allowed.
 */
public final class Fingerprint {

    public static final String PREFIX = "sha256:";
    public static final int SHOWN_HEX_DIGITS = 16;
    private static final Pattern SHAPE = Pattern.compile("(?i)sha256:[0-9a-f]{16,64}");

    private Fingerprint() {}

    /** All 64 hex digits of the value's SHA-256, lower-case. */
    public static String hex(String value) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The fingerprint as shown in findings: {@code sha256:} and 16 hex digits. */
    public static String of(String value) {
        return PREFIX + hex(value).substring(0, SHOWN_HEX_DIGITS);
    }

    /** True when the text is {@code sha256:} and 16 to 64 hex digits (any case). */
    public static boolean isWellFormed(String fingerprint) {
        return SHAPE.matcher(fingerprint.strip()).matches();
    }

    /** True when a well-formed fingerprint matches a value's full hex digest. */
    public static boolean matches(String fingerprint, String valueHex) {
        return isWellFormed(fingerprint)
                && valueHex.startsWith(
                        fingerprint.strip().substring(PREFIX.length()).toLowerCase(Locale.ROOT));
    }
}

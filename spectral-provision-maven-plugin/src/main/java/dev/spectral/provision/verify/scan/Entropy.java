package dev.spectral.provision.verify.scan;

import java.util.HashMap;
import java.util.Map;

/**
 * Shannon entropy over the characters of a string: {@code H = -Σ p·log2 p}, where p is each distinct
 * character's share of the string, in bits per character.
 *
 * <p>A string of n characters holds at most n distinct characters, so {@code H <= log2 n}; and a string
 * drawn from an alphabet of k symbols has {@code H <= log2 k}. Two consequences the generic rule relies on:
 * a value shorter than 12 characters can never exceed 3.5 bits (log2 11 ≈ 3.46), so entropy tells nothing
 * about short values; and hexadecimal (k = 16) tops out at 4 bits, with a random 16–24 digit hex string
 * typically measuring 3.2–3.6, so hex needs a lower bar than base64 to be caught.
 */
public final class Entropy {

    private Entropy() {}

    public static double bitsPerChar(String value) {
        Map<Integer, Integer> counts = new HashMap<>();
        value.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        double n = value.codePointCount(0, value.length());
        double h = 0;
        for (int count : counts.values()) {
            double p = count / n;
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }
}

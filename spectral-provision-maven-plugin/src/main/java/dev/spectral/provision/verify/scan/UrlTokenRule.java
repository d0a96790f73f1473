package dev.spectral.provision.verify.scan;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL that carries a credential in its query or fragment: {@code ?access_token=}, {@code ?private_token=},
 * {@code ?api_key=}, {@code ?client_secret=}, a presigned URL's {@code sig=} / {@code X-Amz-Signature=}. Anyone
 * who has the URL can use it. Values shorter than 8 characters and placeholders are not counted.
 *
 * <p>Two names are also ordinary words in URLs, so their value must look random (at least
 * {@value #RANDOM_MIN_LENGTH} characters, more than {@value EntropyRule#THRESHOLD} bits per character, not
 * words joined by separators): {@code key=} (Google APIs, Google Chat webhooks) and {@code code=} (Azure
 * Functions keys: Microsoft docs "Azure Functions HTTP trigger, API key authorization").
 */
public record UrlTokenRule(String id, String description) implements SecretRule {

    static final int RANDOM_MIN_LENGTH = 20;

    private static final Pattern URL = Pattern.compile("\\b[A-Za-z][A-Za-z0-9+.-]*://\\S+");
    private static final Pattern PARAMETER = Pattern.compile("[?&#;]([A-Za-z0-9_.-]+)=([^&#;\\s]{8,})");
    private static final Set<String> CREDENTIAL_NAMES = Set.of(
            "access_token",
            "refresh_token",
            "id_token",
            "token",
            "auth",
            "auth_token",
            "api_token",
            "apitoken",
            "private_token",
            "api_key",
            "apikey",
            "api-key",
            "access_key",
            "secret",
            "client_secret",
            "sig",
            "signature",
            "x-amz-signature",
            "x-amz-security-token",
            "x-goog-signature",
            "x-api-key");
    private static final Set<String> RANDOM_ONLY_NAMES = Set.of("key", "code");

    @Override
    public boolean matches(String key, String value) {
        if (!value.contains("://") || value.indexOf('=') < 0) {
            return false;
        }
        Matcher url = URL.matcher(value);
        while (url.find()) {
            Matcher parameter = PARAMETER.matcher(url.group());
            while (parameter.find()) {
                String name = parameter.group(1).toLowerCase(Locale.ROOT);
                String credential = parameter.group(2);
                if (Placeholders.isPlaceholder(credential)) {
                    continue;
                }
                if (CREDENTIAL_NAMES.contains(name) || RANDOM_ONLY_NAMES.contains(name) && looksRandom(credential)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean looksRandom(String text) {
        return text.length() >= RANDOM_MIN_LENGTH
                && !PublicValues.isReadableIdentifier(text)
                && Entropy.bitsPerChar(text) > EntropyRule.THRESHOLD;
    }
}

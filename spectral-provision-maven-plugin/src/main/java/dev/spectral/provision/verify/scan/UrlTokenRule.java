package dev.spectral.provision.verify.scan;

import dev.spectral.provision.verify.SecretRule;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL that carries a credential in its query or fragment: {@code ?access_token=}, {@code ?api_key=},
 * {@code ?client_secret=}, a presigned URL's {@code sig=} / {@code X-Amz-Signature=}. Anyone who has the URL
 * can use it. Values shorter than 8 characters and placeholders are not counted.
 */
public record UrlTokenRule(String id, String description) implements SecretRule {

    private static final Pattern URL = Pattern.compile("\\b[A-Za-z][A-Za-z0-9+.-]*://\\S+");
    private static final Pattern CREDENTIAL_PARAMETER = Pattern.compile(
            "(?i)[?&#](?:access_token|refresh_token|id_token|token|auth|api_key|apikey|api-key|secret|client_secret"
                    + "|sig|signature|x-amz-signature|x-amz-security-token|x-goog-signature)=([^&#\\s]{8,})");

    @Override
    public boolean matches(String key, String value) {
        Matcher url = URL.matcher(value);
        while (url.find()) {
            Matcher parameter = CREDENTIAL_PARAMETER.matcher(url.group());
            while (parameter.find()) {
                if (!Placeholders.isPlaceholder(parameter.group(1))) {
                    return true;
                }
            }
        }
        return false;
    }
}

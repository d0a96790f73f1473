package dev.spectral.provision.verify.scan;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP header that carries a credential, written out in a value: {@code Authorization: Basic <base64>}
 * (RFC 7617), {@code Authorization: Bearer <token>} (RFC 6750), {@code Token} and {@code Bot} schemes, API-key
 * headers ({@code X-Api-Key: ...}, {@code Private-Token: ...}), or a value that is a scheme and a credential
 * alone ({@code Bearer <token>}). After gitleaks curl-auth-header. The credential must be at least
 * {@value #MIN_LENGTH} characters and not a placeholder ({@code Bearer ${TOKEN}}).
 */
public record AuthHeaderRule(String id, String description) implements SecretRule {

    static final int MIN_LENGTH = 12;

    private static final List<Pattern> HEADERS = List.of(
            Pattern.compile(
                    "(?i)\\bAuthorization[\"']?\\s*[:=]\\s*[\"']?(?:Basic|Bearer|Token|Bot|Digest|ApiKey)\\s+([^\\s,;\"']+)"),
            Pattern.compile("(?i)(?:^|[\\s{,;\"'])(?:X-Api-Key|Api-Key|X-Auth-Token|X-Access-Token|Private-Token"
                    + "|X-Api-Token)[\"']?\\s*:\\s*[\"']?([^\\s,;\"']+)"),
            Pattern.compile("(?i)^\\s*(?:Basic|Bearer|Token)\\s+([A-Za-z0-9+/=._~-]+)\\s*$"));

    @Override
    public boolean matches(String key, String value) {
        for (Pattern pattern : HEADERS) {
            Matcher m = pattern.matcher(value);
            while (m.find()) {
                String credential = m.group(1);
                if (credential.length() >= MIN_LENGTH && !Placeholders.isPlaceholder(credential)) {
                    return true;
                }
            }
        }
        return false;
    }
}

package dev.spectral.provision.verify.scan;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL, DSN or connection string with an embedded password: {@code scheme://user:password@host} (the user may
 * be empty, as in {@code redis://:password@host}), or a {@code password=} / {@code passwd=} / {@code pwd=} /
 * {@code pass=} part of a URL query, a key-value DSN ({@code host=db user=app password=...}), an ADO.NET or ODBC
 * connection string ({@code ...;Password=...;}), a StackExchange.Redis string ({@code host:6380,password=...}),
 * a JAAS line ({@code password="..."}) or a NuGet {@code <add key="ClearTextPassword" value="..."/>}. A password
 * that is a placeholder ({@code ${DB_PASSWORD}}) is not one. Sources: RFC 3986 (userinfo); secretlint
 * database-connection-string, basicauth; trufflehog uri, redis, sqlserver, jdbc; gitleaks nuget-config-password.
 */
public record UrlPasswordRule(String id, String description) implements SecretRule {

    private static final List<Pattern> PASSWORDS = List.of(
            Pattern.compile("\\b[A-Za-z][A-Za-z0-9+.-]*://[^/?#@:\\s]*:([^/?#@\\s]+)@"),
            Pattern.compile("(?i)(?:^|[?&;,\\s])(?:password|passwd|pwd|pass)\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^&;,\\s]+)"),
            Pattern.compile("(?i)<add\\s+key=\"(?:ClearText)?Password\"\\s+value=\"([^\"]+)\""));

    @Override
    public boolean matches(String key, String value) {
        if (!value.contains("://") && value.indexOf('=') < 0) {
            return false;
        }
        for (Pattern pattern : PASSWORDS) {
            Matcher m = pattern.matcher(value);
            while (m.find()) {
                String password = Quotes.strip(m.group(1));
                if (!password.isEmpty() && !Placeholders.isPlaceholder(password)) {
                    return true;
                }
            }
        }
        return false;
    }
}

package dev.spectral.provision.verify.scan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A connection string of {@code Name=value;} parts that carries an account key, a shared access key or
 * signature, or a secret, rather than a {@code user:password@}: Azure Storage and Cosmos DB
 * ({@code AccountKey=}), Service Bus, Event Hubs, IoT Hub and Relay ({@code SharedAccessKey=},
 * {@code SharedAccessSignature=}), SignalR, Web PubSub and Communication Services ({@code AccessKey=}), App
 * Configuration ({@code Secret=}). Sources: Microsoft's connection-string documentation for each service;
 * trufflehog azure_storage, azure_cosmosdb, azureappconfigconnectionstring.
 *
 * <p>Names that identify rather than grant ({@code AccountName}, {@code SharedAccessKeyName},
 * {@code InstrumentationKey}, which Microsoft documents as not a secret) do not count, nor does a value that is
 * a placeholder or shorter than {@value #MIN_LENGTH} characters. Passwords ({@code Password=}) are the
 * {@link UrlPasswordRule}'s.
 */
public record ConnectionStringRule(String id, String description) implements SecretRule {

    static final int MIN_LENGTH = 8;

    private static final Pattern CREDENTIAL_PART = Pattern.compile(
            "(?i)(?:^|[;\\s])(?:AccountKey|SharedAccessKey|SharedAccessSignature|SharedSecret|Secret|ClientSecret"
                    + "|AccessKey|ApiKey|Api-Key|AuthKey|AuthToken|AccessToken)\\s*=\\s*([^;\\s]+)");

    @Override
    public boolean matches(String key, String value) {
        if (value.indexOf('=') < 0) {
            return false;
        }
        Matcher m = CREDENTIAL_PART.matcher(value);
        while (m.find()) {
            String credential = Quotes.strip(m.group(1));
            if (credential.length() >= MIN_LENGTH && !Placeholders.isPlaceholder(credential)) {
                return true;
            }
        }
        return false;
    }
}

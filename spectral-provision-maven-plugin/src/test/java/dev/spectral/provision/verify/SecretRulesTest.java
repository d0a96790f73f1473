package dev.spectral.provision.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Synthetic values of the real shapes; none is a real credential. */
class SecretRulesTest {

    @ParameterizedTest
    @CsvSource({
        "anthropic, sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789",
        "anthropic, sk-ant-admin01-AbCdEfGhIjKlMnOpQrStUvWxYz0123",
        "openai, sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz012345",
        "github, ghp_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789",
        "stripe, sk_live_AbCdEfGhIjKlMnOp",
        "aws, AKIAABCDEFGHIJKLMNOP",
        "slack, xoxb-1234567890-abcdefghij",
        "cloudflare, cfut_AbCdEfGhIjKlMnOpQrStUvWxYz",
        "supabase, sb_secret_AbCdEfGhIjKlMn",
        "1password, ops_eyJhbGciOiJIUzI1NiIsInR5cCI6",
        "url-password, redis://default:s3cr3tpass@cache.internal:6379",
    })
    void flagsKnownFormats(String rule, String value) {
        assertEquals(Optional.of(rule), SecretRules.firstMatch(SecretRules.DEFAULT, value).map(SecretRule::id));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "production", "https://app.spectral.dev", "postgres://db.example:5432/app", "eu-west-1",
        "sb_publishable_AbCdEfGhIjKlMn", "5f3c2a9e81d04b7c9a6e2f1d0c8b7a65", "true", "8080",
        "user@example.com", "https://user@host.example/path",
    })
    void passesOrdinaryConfiguration(String value) {
        assertEquals(Optional.empty(), SecretRules.firstMatch(SecretRules.DEFAULT, value));
    }
}

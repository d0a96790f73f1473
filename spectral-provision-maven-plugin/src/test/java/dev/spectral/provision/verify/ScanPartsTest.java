package dev.spectral.provision.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spectral.provision.verify.scan.AuthHeaderRule;
import dev.spectral.provision.verify.scan.ConnectionStringRule;
import dev.spectral.provision.verify.scan.EncodedRule;
import dev.spectral.provision.verify.scan.Entropy;
import dev.spectral.provision.verify.scan.EntropyRule;
import dev.spectral.provision.verify.scan.Jwks;
import dev.spectral.provision.verify.scan.Jwts;
import dev.spectral.provision.verify.scan.KeyNames;
import dev.spectral.provision.verify.scan.PublicValues;
import dev.spectral.provision.verify.scan.SecretRule;
import dev.spectral.provision.verify.scan.UrlPasswordRule;
import dev.spectral.provision.verify.scan.UrlTokenRule;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The pieces the rules are made of: names, entropy, tokens, keys, fingerprints, previews. */
class ScanPartsTest {

    @Nested
    class Names {

        @ParameterizedTest(name = "{0} suggests a secret: {1}")
        @CsvSource({
            "API_KEY, true",
            "apiKey, true",
            "SUPABASE_SERVICE_ROLE_KEY, true",
            "STRIPE_WEBHOOK_SECRET, true",
            "GH_TOKEN, true",
            "DB_PASSWORD, true",
            "smtp.pass, true",
            "OAUTH_CLIENT_SECRET, true",
            "AUTH, true",
            "PRIVATE_KEY, true",
            "SIGNING_KEY, true",
            "GOOGLE_CREDENTIALS, true",
            "AWS_SECRET_ACCESS_KEY, true",
            "NEXT_PUBLIC_STRIPE_SECRET, true",
            "ACCESSKEY, true",
            // a public qualifier cancels KEY and TOKEN, not SECRET or PASSWORD
            "PUBLIC_KEY, false",
            "SUPABASE_ANON_KEY, false",
            "STRIPE_PUBLISHABLE_KEY, false",
            "MAPBOX_PUBLIC_TOKEN, false",
            "PUBLIC_PASSWORD, true",
            // an attribute head: the value is about a secret, not the secret
            "KEY_ID, false",
            "AWS_ACCESS_KEY_ID, false",
            "TOKEN_URL, false",
            "AUTH_HOST, false",
            "SECRET_NAME, false",
            "PASSWORD_FILE, false",
            "JWT_ALGORITHM, false",
            "TOKEN_TTL, false",
            "SIGNING_KEY_FINGERPRINT, false",
            // words that only contain a secret word's letters
            "KEYBOARD_LAYOUT, false",
            "AUTHOR, false",
            "MONKEY_PATCH, false",
            "APP_ENV, false",
            "LOG_LEVEL, false",
            // keys public by design: captcha site keys, vendors' documented public keys; their secret halves count
            "RECAPTCHA_SITE_KEY, false",
            "NEXT_PUBLIC_RECAPTCHA_SITE_KEY, false",
            "HCAPTCHA_SITEKEY, false",
            "RECAPTCHA_SECRET_KEY, true",
            "TURNSTILE_SECRET_KEY, true",
            "AMPLITUDE_API_KEY, false",
            "AMPLITUDE_SECRET_KEY, true",
            "MIXPANEL_TOKEN, false",
            "MIXPANEL_API_SECRET, true",
            "MIXPANEL_SERVICE_ACCOUNT_TOKEN, true",
            "SEGMENT_WRITE_KEY, false",
            "ALGOLIA_SEARCH_API_KEY, false",
            "ALGOLIA_ADMIN_API_KEY, true",
            "PUSHER_APP_KEY, false",
            "PUSHER_APP_SECRET, true",
            "DD_CLIENT_TOKEN, false",
            "DD_API_KEY, true",
            "NEXT_PUBLIC_POSTHOG_KEY, false",
            "POSTHOG_PERSONAL_API_KEY, true",
            // data keys are not credentials
            "CACHE_KEY, false",
            "PARTITION_KEY, false",
            "ROUTING_KEY, false",
            "IDEMPOTENCY_KEY, false",
            "LICENSE_KEY, true",
            "CACHE_PASSWORD, true",
            // attribute heads of pins and digests
            "SERVER_KEY_PIN, false",
            "SIGNING_KEY_SHA256, false",
            "AGE_RECIPIENT, false",
        })
        void readsWhatANameSays(String key, boolean secret) {
            assertEquals(secret, KeyNames.suggestsSecret(key));
        }

        @Test
        void splitsEveryNamingStyleIntoWords() {
            assertEquals(List.of("SUPABASE", "SERVICE", "ROLE", "KEY"), KeyNames.words("supabaseServiceRoleKey"));
            assertEquals(List.of("API", "KEY"), KeyNames.words("APIKey"));
            assertEquals(List.of("SMTP", "PASS"), KeyNames.words("smtp.pass"));
            assertEquals(List.of("SERVICE", "ROLE", "KEY"), KeyNames.words("service-role_KEY"));
        }

        @ParameterizedTest
        @CsvSource({
            "DB_PASSWORD, true",
            "smtpPass, true",
            "REDIS_PWD, true",
            "GPG_PASSPHRASE, true",
            "DBPASSWORD, true",
            "PASSWORD_MIN_LENGTH, false",
            "DB_PASSWORD_FILE, false",
            "PASSPORT_STRATEGY, false"
        })
        void findsPasswordHeads(String key, boolean password) {
            assertEquals(password, KeyNames.namesPassword(key));
        }
    }

    @Nested
    class EntropyBounds {

        @Test
        void measuresBitsPerCharacter() {
            assertEquals(0.0, Entropy.bitsPerChar("aaaaaaaa"), 1e-9);
            assertEquals(1.0, Entropy.bitsPerChar("abababab"), 1e-9);
            assertEquals(4.0, Entropy.bitsPerChar("0123456789abcdef"), 1e-9);
        }

        @Test
        void neverExceedsTheLogarithmOfTheLength() {
            // n distinct characters is the most a string of n can hold: H = log2 n exactly
            for (int n = 1; n <= 64; n++) {
                String distinct = Fakes.BASE64.substring(0, n);
                assertEquals(Math.log(n) / Math.log(2), Entropy.bitsPerChar(distinct), 1e-9);
            }
            // so nothing under 12 characters can pass the generic rule's 3.5 bits
            assertTrue(Entropy.bitsPerChar(Fakes.BASE64.substring(0, 11)) < EntropyRule.THRESHOLD);
            assertTrue(Entropy.bitsPerChar(Fakes.BASE64.substring(0, 12)) > EntropyRule.THRESHOLD);
        }

        @Test
        void needsLengthAndRandomnessUnderASecretName() {
            SecretRule rule = new EntropyRule("high-entropy", "test");
            String random = Fakes.b62(32, "len");
            assertTrue(rule.matches("API_SECRET", random));
            assertFalse(rule.matches("API_SECRET", random.substring(0, EntropyRule.MIN_LENGTH - 1)));
            assertFalse(rule.matches("BUILD_TAG", random), "the name must suggest a secret");
            assertFalse(rule.matches("API_SECRET", "aaaaaaaabbbbbbbbccccccccdddddddd"), "too regular");
        }
    }

    @Nested
    class Values {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "spectral-private-uploads-eu",
                    "spectral-prod-412345",
                    "spectral:delegation:v1",
                    "projects/spectral/locations/global/keyRings/app",
                    "SPECTRAL_PROD",
                    "Release.Candidate.2"
                })
        void readableIdentifiersArePublic(String value) {
            assertTrue(PublicValues.isReadableIdentifier(value));
        }

        @Test
        void randomTokensWithSeparatorsAreNotReadable() {
            for (int i = 0; i < 200; i++) {
                String token = Fakes.chars(Fakes.BASE64URL, 40, "sep" + i);
                assertFalse(PublicValues.isReadableIdentifier(token), token);
                assertFalse(PublicValues.isReadableIdentifier("GOCSPX-" + token), token);
            }
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHkQfakeFakeFakeFakeFakeFakeFakeFakeFakeFakeF",
                    "SHA256:fakeFingerprintOfAHostKeyForTests0123456789a",
                    "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                    "sha384-fakeSubresourceIntegrityHashForTests+0123456789/abcdefghijklmnop",
                    "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01",
                    "age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",
                    "phc_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                    "pub0123456789abcdef0123456789abcdef",
                    "mob-00000000-0000-4000-a000-000000000000",
                    "pk-lf-00000000-0000-4000-a000-000000000000"
                })
        void publicByDesignValuesArePublic(String value) {
            assertTrue(PublicValues.isPublic(value), value);
        }

        @Test
        void anEncodedPemIsPublicOnlyWithoutAPrivateKey() {
            assertTrue(PublicValues.isEncodedPublicPem(Fakes.base64(Fakes.pem("PUBLIC KEY", "enc1"))));
            assertTrue(PublicValues.isEncodedPublicPem(Fakes.base64(Fakes.pem("CERTIFICATE", "enc2"))));
            assertFalse(PublicValues.isEncodedPublicPem(Fakes.base64(Fakes.pem("EC PRIVATE KEY", "enc3"))));
            assertFalse(PublicValues.isEncodedPublicPem(Fakes.base64("not a pem at all")));
        }

        @Test
        void aBase64SecretStartingWithASlashIsNotAPath() {
            assertTrue(PublicValues.isPath("/run/secrets/db_password"));
            assertTrue(PublicValues.isPath("./keys/Signing.JWK.json"));
            assertTrue(PublicValues.isPath("C:\\keys\\signing.pem"));
            assertFalse(PublicValues.isPath("/" + Fakes.chars(Fakes.BASE62, 39, "slash")));
            assertFalse(PublicValues.isPath("/aB3dE/fG7hIjK9LmN0pQ"));
        }
    }

    @Nested
    class Tokens {

        @Test
        void tellsServiceRoleAnonAndOtherJwtsApart() {
            assertEquals(List.of(Jwts.Kind.SERVICE_ROLE), Jwts.kinds(Fakes.supabaseJwt("service_role", "abc")));
            assertEquals(List.of(Jwts.Kind.ANON), Jwts.kinds(Fakes.supabaseJwt("anon", "abc")));
            assertEquals(List.of(Jwts.Kind.BEARER), Jwts.kinds(Fakes.jwt("{\"sub\":\"x\"}", "t")));
            assertTrue(Jwts.isAnonToken(" " + Fakes.supabaseJwt("anon", "abc") + "\n"));
        }

        @Test
        void judgesATokenWhosePayloadDoesNotDecodeByItsShape() {
            String undecodable = "eyJhbGciOiJIUzI1NiJ9.eyJ!!!!.sig";
            String notJson = "eyJhbGciOiJIUzI1NiJ9.eyJub3QganNvbg.c2ln";
            assertEquals(List.of(), Jwts.kinds(undecodable), "not a token's shape at all");
            assertEquals(List.of(Jwts.Kind.BEARER), Jwts.kinds(notJson));
            assertFalse(Jwts.isAnonToken(notJson));
        }

        @Test
        void aValueWithAnAnonAndAnotherTokenIsNotPublic() {
            String both = Fakes.supabaseJwt("anon", "a") + " " + Fakes.supabaseJwt("service_role", "a");
            assertFalse(Jwts.isAnonToken(both));
            assertEquals(List.of(Jwts.Kind.ANON, Jwts.Kind.SERVICE_ROLE), Jwts.kinds(both));
        }
    }

    @Nested
    class Strings {
        private final SecretRule connection = new ConnectionStringRule("connection-string", "test");
        private final SecretRule password = new UrlPasswordRule("url-password", "test");
        private final SecretRule token = new UrlTokenRule("url-token", "test");
        private final SecretRule header = new AuthHeaderRule("auth-header", "test");

        @Test
        void aConnectionStringWithAnAccountKeyIsASecretAndOneWithoutIsNot() {
            String base = "DefaultEndpointsProtocol=https;AccountName=spectralstore;EndpointSuffix=core.windows.net";
            assertFalse(connection.matches("K", base));
            assertTrue(connection.matches("K", base + ";AccountKey=" + Fakes.b64(86, "cs") + "=="));
            assertFalse(connection.matches("K", base + ";AccountKey=${KEY}"), "a placeholder");
            assertFalse(connection.matches("K", base + ";AccountKey=short"), "shorter than a key");
            assertFalse(
                    connection.matches("K", "InstrumentationKey=" + Fakes.uuid("ik") + ";IngestionEndpoint=https://x"),
                    "Application Insights keys are documented as not secret");
            assertFalse(connection.matches("K", "Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=Root"));
        }

        @Test
        void aPasswordAnywhereInAConnectionStringCounts() {
            assertTrue(password.matches("K", "host:6380,password=" + Fakes.b62(20, "p1") + ",ssl=True"));
            assertTrue(password.matches("K", "Server=db;Database=app;User Id=app;Pwd=" + Fakes.b62(12, "p2") + ";"));
            assertTrue(password.matches("K", "x required username=\"a\" password=\"" + Fakes.b62(12, "p3") + "\";"));
            assertFalse(password.matches("K", "x required username=\"a\" password=\"\";"), "empty");
            assertFalse(password.matches("K", "host:6380,password=${REDIS_PASSWORD},ssl=True"));
            assertFalse(password.matches("K", "bypass=true&passage=2"), "only whole parameter names");
        }

        @Test
        void keyAndCodeParametersCountOnlyWhenTheirValueLooksRandom() {
            assertTrue(token.matches("K", "https://fn.azurewebsites.net/api/x?code=" + Fakes.b64url(54, "c1") + "=="));
            assertFalse(token.matches("K", "https://shop.example.com/?code=SUMMER-SALE-2024"));
            assertFalse(token.matches("K", "https://cdn.example.com/img?key=hero-banner-large&w=2"));
            assertTrue(token.matches("K", "https://x.example.com/?private_token=" + Fakes.b62(20, "c2")));
        }

        @Test
        void authorizationHeadersWithACredential() {
            assertTrue(header.matches("K", "Authorization: Bearer " + Fakes.b62(32, "h1")));
            assertTrue(header.matches("K", "{\"Private-Token\": \"" + Fakes.b62(20, "h2") + "\"}"));
            assertFalse(header.matches("K", "Authorization: Bearer $TOKEN"));
            assertFalse(header.matches("K", "Bearer realm=api"));
        }

        @Test
        void readsBase64OnlyWhenItDecodesToText() {
            SecretRule encoded =
                    new EncodedRule("base64", "test", List.of(new UrlPasswordRule("url-password", "test")));
            assertTrue(encoded.matches(
                    "K", "client-key-data: " + Fakes.base64("mysql://u:" + Fakes.b62(12, "e1") + "@db/x")));
            assertFalse(encoded.matches("K", Fakes.b64(64, "e2")), "random bytes are not text");
            assertFalse(encoded.matches("K", Fakes.base64("postgres://u@db/x")), "text without a credential");
        }
    }

    @Nested
    class Keys {

        @ParameterizedTest
        @ValueSource(strings = {"d", "p", "q", "dp", "dq", "qi", "k"})
        void anyPrivateMemberMakesAKeyPrivate(String member) {
            String jwk = "{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\",\"" + member + "\":\"" + Fakes.b62(43, member)
                    + "\"}";
            assertTrue(Jwks.hasPrivateKey(jwk));
            assertFalse(Jwks.isPublicOnly(jwk));
        }

        @Test
        void publicKeysAndOtherJsonAreNotPrivateKeys() {
            String publicKey = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AAAA\",\"y\":\"BBBB\"}";
            assertTrue(Jwks.isPublicOnly(publicKey));
            assertTrue(Jwks.isPublicOnly("{\"keys\":[" + publicKey + "," + publicKey + "]}"));
            assertFalse(Jwks.hasPrivateKey("{\"d\":\"no kty, so not a key\"}"));
            assertFalse(Jwks.isPublicOnly("{\"feature\":\"on\"}"), "JSON without keys is not a public key");
            assertFalse(Jwks.hasPrivateKey("{\"kty\":\"EC\", broken"));
        }
    }

    @Nested
    class Fingerprints {

        @Test
        void isTheFirstSixteenHexDigitsOfTheSha256() {
            // SHA-256("test") = 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
            assertEquals("sha256:9f86d081884c7d65", Fingerprint.of("test"));
            String hex = Fingerprint.hex("test");
            assertTrue(Fingerprint.matches("sha256:9f86d081884c7d65", hex));
            assertTrue(Fingerprint.matches("SHA256:9F86D081884C7D659A2FEAA0", hex), "longer prefixes, any case");
            assertFalse(Fingerprint.matches("sha256:9f86d081884c7d6", hex), "fewer than 16 digits");
            assertFalse(Fingerprint.matches("sha256:0000000000000000", hex));
            assertFalse(Fingerprint.matches("md5:9f86d081884c7d65", hex));
        }
    }

    @Nested
    class Previews {

        @Test
        void showsAtMostFourCharactersAndAtMostAQuarter() {
            assertEquals("'sk-a…'", LiteralSecretCheck.preview("sk-ant-api03-" + "x".repeat(40)));
            assertEquals("'hu…'", LiteralSecretCheck.preview("hunter22"));
            assertEquals("'…'", LiteralSecretCheck.preview("abc"));
            assertEquals("'?-…'", LiteralSecretCheck.preview("\n-------"));
        }
    }
}

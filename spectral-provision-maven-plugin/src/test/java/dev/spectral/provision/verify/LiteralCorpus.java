package dev.spectral.provision.verify;

import static dev.spectral.provision.verify.Fakes.BASE32;
import static dev.spectral.provision.verify.Fakes.BASE64;
import static dev.spectral.provision.verify.Fakes.BASE64URL;
import static dev.spectral.provision.verify.Fakes.DIGITS;
import static dev.spectral.provision.verify.Fakes.b62;
import static dev.spectral.provision.verify.Fakes.base64url;
import static dev.spectral.provision.verify.Fakes.chars;
import static dev.spectral.provision.verify.Fakes.hex;
import static dev.spectral.provision.verify.Fakes.jwt;
import static dev.spectral.provision.verify.Fakes.pem;
import static dev.spectral.provision.verify.Fakes.supabaseJwt;

import java.util.List;

/**
 * The test corpus of the literal-secret rules: literals that are secrets (each with the rule that must
 * name it) and literals that are ordinary configuration (which no rule may flag). Every credential is
 * synthetic ({@link Fakes}); none is real.
 */
final class LiteralCorpus {

    /**
     * One literal as it would stand in {@code environments.toml}.
     *
     * @param family what kind of value it is, for the report
     * @param key the key it is committed under
     * @param value the literal
     * @param rule the rule that must flag it, or null for ordinary configuration
     */
    record Sample(String family, String key, String value, String rule) {

        boolean isSecret() {
            return rule != null;
        }

        @Override
        public String toString() {
            String shown = value.length() > 24 ? value.substring(0, 24) + "…" : value;
            return family + ": " + key + " = " + shown.replace("\n", "\\n");
        }
    }

    private LiteralCorpus() {}

    private static Sample secret(String rule, String key, String value) {
        return new Sample(rule, key, value, rule);
    }

    private static Sample plain(String family, String key, String value) {
        return new Sample(family, key, value, null);
    }

    static List<Sample> all() {
        return java.util.stream.Stream.concat(secrets().stream(), ordinary().stream())
                .toList();
    }

    static List<Sample> secrets() {
        return java.util.stream.Stream.concat(named().stream(), formats().stream())
                .toList();
    }

    /**
     * Three samples of every value-only rule ({@link FormatSamples}): under the name a team would give it, under a
     * neutral name ({@code SETTING_07}), and under a name that says "public": the value alone must decide.
     */
    static List<Sample> formats() {
        List<Sample> samples = new java.util.ArrayList<>();
        int neutral = 0;
        for (FormatSamples.Format format : FormatSamples.all()) {
            List<String> values = format.positives();
            samples.add(secret(format.rule(), format.key(), values.get(0)));
            samples.add(secret(format.rule(), String.format("SETTING_%02d", ++neutral), values.get(1)));
            samples.add(secret(format.rule(), "NEXT_PUBLIC_" + format.key(), values.get(2)));
        }
        return samples;
    }

    /** Secrets as a team's file names them, including generic ones that only their name gives away. */
    static List<Sample> named() {
        return List.of(
                secret("anthropic", "ANTHROPIC_API_KEY", "sk-ant-api03-" + chars(BASE64URL, 93, "ant1") + "AA"),
                secret("anthropic", "ANTHROPIC_ADMIN_KEY", "sk-ant-admin01-" + chars(BASE64URL, 93, "ant2") + "AA"),
                secret(
                        "anthropic",
                        "LLM_AUTH_HEADER",
                        "x-api-key: sk-ant-api03-" + chars(BASE64URL, 93, "ant3") + "AA"),
                secret("openai", "OPENAI_API_KEY", "sk-proj-" + chars(BASE64URL, 156, "oai1")),
                secret("openai", "OPENAI_KEY", "sk-svcacct-" + chars(BASE64URL, 120, "oai2")),
                secret("openai", "LEGACY_AI", "sk-" + b62(20, "oai3") + "T3BlbkFJ" + b62(20, "oai4")),
                secret("github", "GH_TOKEN", "ghp_" + b62(36, "gh1")),
                secret("github", "DEPLOY_TOKEN", "ghs_" + b62(36, "gh2")),
                secret("github", "GH_OAUTH", "gho_" + b62(36, "gh3")),
                secret("github", "CI_PAT", "github_pat_" + b62(22, "gh4") + "_" + b62(59, "gh5")),
                secret("stripe", "STRIPE_SECRET_KEY", "sk_live_" + b62(99, "st1")),
                secret("stripe", "STRIPE_RESTRICTED", "rk_live_" + b62(99, "st2")),
                secret("stripe", "STRIPE_KEY", "sk_test_" + b62(99, "st3")),
                secret("stripe", "STRIPE_WEBHOOK_SECRET", "whsec_" + b62(32, "st4")),
                secret("aws", "AWS_ACCESS_KEY_ID", "AKIA" + chars(BASE32, 16, "aws1")),
                secret("aws", "AWS_SESSION", "ASIA" + chars(BASE32, 16, "aws2")),
                secret("aws", "S3_UPLOADER", "ABIA" + chars(BASE32, 16, "aws3")),
                secret(
                        "slack",
                        "SLACK_BOT_TOKEN",
                        "xoxb-" + chars(DIGITS, 12, "sl1") + "-" + chars(DIGITS, 13, "sl2") + "-" + b62(24, "sl3")),
                secret(
                        "slack",
                        "SLACK_USER",
                        "xoxp-" + chars(DIGITS, 12, "sl4") + "-" + chars(DIGITS, 12, "sl5") + "-"
                                + chars(DIGITS, 13, "sl6") + "-" + Fakes.hex(32, "sl7")),
                secret(
                        "slack",
                        "SLACK_APP",
                        "xapp-1-A" + chars(BASE32, 10, "sl8") + "-" + chars(DIGITS, 13, "sl9") + "-"
                                + Fakes.hex(64, "sl10")),
                secret(
                        "slack",
                        "ALERTS_WEBHOOK_URL",
                        "https://hooks.slack.com/services/T" + chars(BASE32, 8, "sl11") + "/B"
                                + chars(BASE32, 10, "sl12") + "/" + b62(24, "sl13")),
                secret("cloudflare", "CLOUDFLARE_API_TOKEN", "cfut_" + chars(BASE64URL, 40, "cf1")),
                secret("cloudflare", "CF_ACCOUNT_TOKEN", "cfat_" + chars(BASE64URL, 40, "cf2")),
                secret("cloudflare", "CF_ORIGIN_CA", "v1.0-" + hex(24, "cf3") + "-" + hex(146, "cf4")),
                secret("supabase", "SUPABASE_SECRET_KEY", "sb_secret_" + chars(BASE64URL, 31, "sb1")),
                secret("supabase", "SUPABASE_ACCESS_TOKEN", "sbp_" + hex(40, "sb2")),
                secret("supabase", "SUPABASE_ANON_KEY", "sb_secret_" + chars(BASE64URL, 31, "sb3")),
                secret(
                        "supabase-service-role",
                        "SUPABASE_SERVICE_ROLE_KEY",
                        supabaseJwt("service_role", "qzvtrmxkplwnbhcd")),
                secret("supabase-service-role", "SUPABASE_ANON_KEY", supabaseJwt("service_role", "hjkwqpzrtvbnmxcd")),
                secret("supabase-service-role", "SUPABASE_KEY", supabaseJwt("service_role", "abcdefghijklmnop")),
                secret(
                        "1password",
                        "OP_SERVICE_ACCOUNT_TOKEN",
                        "ops_"
                                + base64url("{\"signInAddress\":\"my.1password.com\","
                                        + "\"email\":\"" + b62(12, "op1").toLowerCase()
                                        + "@1passwordserviceaccounts.com\",\"secretKey\":\""
                                        + b62(40, "op2") + "\",\"srpX\":\"" + hex(64, "op3") + "\"}")),
                secret("1password", "OP_TOKEN", "ops_eyJ" + chars(BASE64, 300, "op4")),
                secret("1password", "CI_VAULT_ACCESS", "ops_eyJ" + chars(BASE64URL, 400, "op5")),
                secret("private-key", "TLS_KEY", pem("RSA PRIVATE KEY", "pem1")),
                secret("private-key", "SIGNING_KEY", pem("EC PRIVATE KEY", "pem2")),
                secret("private-key", "DEPLOY_SSH_KEY", pem("OPENSSH PRIVATE KEY", "pem3")),
                secret(
                        "private-key",
                        "GOOGLE_CREDENTIALS",
                        "{\"type\":\"service_account\",\"private_key\":\""
                                + pem("PRIVATE KEY", "pem4").replace("\n", "\\n") + "\"}"),
                secret("private-key", "APP_CERT_BUNDLE", pem("ENCRYPTED PRIVATE KEY", "pem5")),
                secret(
                        "private-jwk",
                        "SPECTRAL_DELEGATION_SIGNING_KEY",
                        "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\""
                                + chars(BASE64URL, 43, "jwk1") + "\",\"y\":\"" + chars(BASE64URL, 43, "jwk2")
                                + "\",\"d\":\""
                                + chars(BASE64URL, 43, "jwk3") + "\",\"kid\":\"2024-01\"}"),
                secret(
                        "private-jwk",
                        "RSA_JWK",
                        "{\"kty\":\"RSA\",\"n\":\"" + chars(BASE64URL, 342, "jwk4")
                                + "\",\"e\":\"AQAB\",\"d\":\"" + chars(BASE64URL, 342, "jwk5") + "\",\"p\":\""
                                + chars(BASE64URL, 171, "jwk6")
                                + "\",\"q\":\"" + chars(BASE64URL, 171, "jwk7") + "\"}"),
                secret(
                        "private-jwk",
                        "HMAC_JWK",
                        "{\"kty\":\"oct\",\"alg\":\"HS256\",\"k\":\"" + chars(BASE64URL, 43, "jwk8") + "\"}"),
                secret(
                        "private-jwk",
                        "JWKS_JSON",
                        "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\""
                                + chars(BASE64URL, 43, "jwk9") + "\"},{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\""
                                + chars(BASE64URL, 43, "jwk10") + "\",\"d\":\"" + chars(BASE64URL, 43, "jwk11")
                                + "\"}]}"),
                secret(
                        "private-jwk",
                        "ENCODED_JWK",
                        base64url("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\""
                                + chars(BASE64URL, 43, "jwk12") + "\",\"y\":\"" + chars(BASE64URL, 43, "jwk13")
                                + "\",\"d\":\""
                                + chars(BASE64URL, 43, "jwk14") + "\"}")),
                secret("jwt", "INTERNAL_SERVICE_TOKEN", jwt("{\"sub\":\"billing\",\"exp\":2015000000}", "jwt1")),
                secret("jwt", "TEST_USER_SESSION", Fakes.supabaseJwt("authenticated", "qzvtrmxkplwnbhcd")),
                secret("jwt", "WEBHOOK_AUTH", "Bearer eyJhbGciOiJub25lIn0.eyJ" + chars(BASE64URL, 40, "jwt2") + "."),
                secret("url-password", "DATABASE_URL", "postgres://app:" + b62(24, "url1") + "@db.internal:5432/app"),
                secret("url-password", "REDIS_URL", "redis://:" + b62(16, "url2") + "@cache.internal:6379/0"),
                secret(
                        "url-password",
                        "MONGO_URI",
                        "mongodb+srv://admin:" + b62(12, "url3") + "@cluster0.example.mongodb.net/app"),
                secret("url-password", "SUPABASE_DB_URL", "postgresql://postgres:postgres@127.0.0.1:54322/postgres"),
                secret(
                        "url-password",
                        "JDBC_URL",
                        "jdbc:postgresql://db.internal:5432/app?user=app&password=" + b62(12, "url4")),
                secret(
                        "url-password",
                        "PG_DSN",
                        "host=db.internal port=5432 user=app password=" + b62(12, "url5") + " dbname=app"),
                secret(
                        "url-token",
                        "EXPORT_URL",
                        "https://api.example.com/v1/export?format=csv&access_token=" + b62(32, "tok1")),
                secret(
                        "url-token",
                        "REPORT_DOWNLOAD",
                        "https://bucket.s3.amazonaws.com/report.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                                + "&X-Amz-Expires=3600&X-Amz-Signature=" + hex(64, "tok2")),
                secret(
                        "url-token",
                        "BLOB_SAS_URL",
                        "https://spectral.blob.core.windows.net/exports?sv=2022-11-02&ss=b&sp=rl"
                                + "&se=2030-01-01T00:00:00Z&sig=" + b62(43, "tok3") + "%3D"),
                secret("password", "DB_PASSWORD", "Winter2024!"),
                secret("password", "SMTP_PASS", "correct horse battery staple"),
                secret("password", "adminPassword", "hunter22"),
                secret("password", "REDIS_PWD", "s3cr3t"),
                secret("high-entropy", "AWS_SECRET_ACCESS_KEY", chars(BASE64, 40, "ent1")),
                secret("high-entropy", "JWT_SECRET", hex(64, "ent2")),
                secret("high-entropy", "SESSION_SECRET", b62(32, "ent3")),
                secret("high-entropy", "CLOUDFLARE_GLOBAL_API_KEY", hex(37, "ent4")),
                secret("google-oauth", "OAUTH_CLIENT_SECRET", "GOCSPX-" + chars(BASE64URL, 28, "ent5")),
                secret("high-entropy", "RECAPTCHA_SECRET_KEY", "6L" + chars(BASE64URL, 38, "ent10")),
                secret("high-entropy", "AMPLITUDE_SECRET_KEY", hex(32, "ent11")),
                secret("high-entropy", "ALGOLIA_ADMIN_API_KEY", hex(32, "ent12")),
                secret("high-entropy", "MIXPANEL_SERVICE_ACCOUNT_TOKEN", b62(32, "ent13")),
                secret("high-entropy", "resendApiKey", "re_" + b62(8, "ent6") + "_" + b62(24, "ent7")),
                secret("high-entropy", "ENCRYPTION_KEY", chars(BASE64, 43, "ent8") + "="),
                secret("high-entropy", "WEBHOOK_SIGNING_KEY", hex(20, "ent9")));
    }

    static List<Sample> ordinary() {
        String anon = supabaseJwt("anon", "qzvtrmxkplwnbhcd");
        String publicJwk = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + chars(BASE64URL, 43, "pub1") + "\",\"y\":\""
                + chars(BASE64URL, 43, "pub2") + "\",\"kid\":\"2024-01\",\"use\":\"sig\",\"alg\":\"ES256\"}";
        return List.of(
                plain("word", "APP_ENV", "production"),
                plain("log level", "LOG_LEVEL", "info"),
                plain("url", "PUBLIC_BASE_URL", "https://app.spectral.dev"),
                plain("url", "SUPABASE_URL", "https://qzvtrmxkplwnbhcd.supabase.co"),
                plain("url", "LOCAL_SUPABASE_URL", "http://127.0.0.1:54321"),
                plain("url", "TOKEN_URL", "https://auth.example.com/oauth/token"),
                plain("url", "PASSWORD_RESET_URL", "https://app.spectral.dev/account/reset?step=1"),
                plain("url", "DATABASE_URL", "postgres://app@db.internal:5432/app"),
                plain("url", "CACHE_URL", "redis://cache.internal:6379/0"),
                plain("url", "SENTRY_DSN", "https://" + hex(32, "sentry") + "@o123456.ingest.sentry.io/4504"),
                plain("url", "ALLOWED_ORIGINS", "https://app.spectral.dev,https://staging.spectral.dev"),
                plain("url placeholder", "DATABASE_URL", "postgres://app:${DB_PASSWORD}@db.internal:5432/app"),
                plain("hostname", "AUTH_HOST", "auth.spectral.dev"),
                plain("hostname", "SMTP_HOST", "smtp.eu.mailgun.org"),
                plain("region", "REGION", "eu-west-1"),
                plain("region", "GCP_REGION", "northamerica-northeast1"),
                plain("id", "CLOUDFLARE_ACCOUNT_ID", "5f3c2a9e81d04b7c9a6e2f1d0c8b7a65"),
                plain("id", "CLOUDFLARE_ZONE_ID", hex(32, "zone")),
                plain("uuid", "PROJECT_ID", "3f2b8c1e-9d4a-4e7b-8a6c-1f0e2d3c4b5a"),
                plain("uuid", "TENANT_KEY", "7c9e6679-7425-40de-944b-e07fc1f90ae7"),
                plain("id", "SUPABASE_PROJECT_REF", "qzvtrmxkplwnbhcd"),
                plain("id", "KEY_ID", "key_2024_01"),
                plain("id", "SIGNING_KEY_ID", "2024-01-15-es256-" + hex(8, "kid")),
                plain("id", "GIT_SHA", hex(40, "sha")),
                plain("number", "PORT", "8080"),
                plain("number", "TOKEN_TTL", "3600"),
                plain("number", "PASSWORD_MIN_LENGTH", "12"),
                plain("number", "SESSION_SECRET_ROTATION", "86400"),
                plain("boolean", "FEATURE_NEW_CHECKOUT", "true"),
                plain("boolean", "REQUIRE_AUTH", "false"),
                plain("semver", "APP_VERSION", "1.4.2"),
                plain("semver", "RELEASE", "2.0.0-rc.1+build.20240115"),
                plain("email", "SUPPORT_EMAIL", "support@spectral.dev"),
                plain("cron", "CLEANUP_SCHEDULE", "*/15 * * * *"),
                plain("path", "TLS_CERT_PATH", "/etc/ssl/certs/spectral.pem"),
                plain("path", "PRIVATE_KEY_PATH", "/run/secrets/signing_key"),
                plain("path", "SIGNING_KEY", "./keys/signing.jwk.json"),
                plain("anon jwt", "SUPABASE_ANON_KEY", anon),
                plain("anon jwt", "SUPABASE_KEY", anon),
                plain("anon jwt", "NEXT_PUBLIC_SUPABASE_ANON_KEY", supabaseJwt("anon", "hjkwqpzrtvbnmxcd")),
                plain("publishable", "SUPABASE_PUBLISHABLE_KEY", "sb_publishable_" + chars(BASE64URL, 31, "pk1")),
                plain("publishable", "SUPABASE_KEY", "sb_publishable_" + chars(BASE64URL, 31, "pk2")),
                plain("publishable", "STRIPE_PUBLISHABLE_KEY", "pk_live_" + b62(99, "pk3")),
                plain("public jwk", "SIGNING_PUBLIC_KEY", publicJwk),
                plain("public jwk", "SIGNING_KEY", publicJwk),
                plain(
                        "public jwk",
                        "JWKS",
                        "{\"keys\":[" + publicJwk + ",{\"kty\":\"RSA\",\"n\":\"" + chars(BASE64URL, 342, "pub3")
                                + "\",\"e\":\"AQAB\",\"kid\":\"2023-07\"}]}"),
                plain(
                        "public key",
                        "MAPBOX_PUBLIC_TOKEN",
                        "pk." + base64url("{\"u\":\"spectral\",\"a\":\"" + b62(12, "mb") + "\"}") + "."
                                + b62(22, "mb2")),
                plain("public key", "VAPID_PUBLIC_KEY", chars(BASE64URL, 87, "vapid")),
                plain("placeholder", "DB_PASSWORD", "${DB_PASSWORD}"),
                plain("placeholder", "REDIS_PASSWORD", ""),
                plain("placeholder", "SMTP_PASSWORD", "none"),
                plain("low entropy", "SIGNING_KEY", "A".repeat(43) + "="),
                plain("low entropy", "API_KEY", "your-api-key-here"),
                plain("attribute", "SECRET_NAME", "prod/spectral/db"),
                plain(
                        "attribute",
                        "DB_SECRET_ARN",
                        "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-" + b62(6, "arn")),
                plain("attribute", "JWT_ALGORITHM", "ES256"),
                plain("attribute", "SSH_KEY_FINGERPRINT", "SHA256:" + chars(BASE64, 43, "fp")),
                plain("word", "KEYBOARD_LAYOUT", "us-intl"),
                plain("identifier", "PRIVATE_BUCKET", "spectral-private-uploads-eu"),
                plain("identifier", "SECRET_MANAGER_PROJECT", "spectral-prod-412345"),
                plain("identifier", "KMS_KEY_RING", "projects/spectral/locations/global/keyRings/app"),
                plain("identifier", "TOKEN_ENCRYPTION_CONTEXT", "spectral:delegation:v1"),
                plain("word", "AUTHOR", "Spectral Release Bot"),
                plain("path", "AUTH_CALLBACK_PATH", "/auth/callback"),
                plain("word", "OAUTH_SCOPES", "openid email profile"),
                plain("word", "TIMEZONE", "Europe/Berlin"),
                plain("word", "CONTENT_SECURITY_POLICY", "default-src 'self'; img-src https: data:"),

                // public by design: captcha site keys, analytics and publishable client keys (by name or prefix)
                plain("captcha site key", "RECAPTCHA_SITE_KEY", "6L" + chars(BASE64URL, 38, "cap1")),
                plain("captcha site key", "TURNSTILE_SITE_KEY", "0x4AAAAAAA" + chars(BASE64URL, 12, "cap2")),
                plain("captcha site key", "HCAPTCHA_SITEKEY", Fakes.uuid("cap3")),
                plain("analytics key", "POSTHOG_KEY", "phc_" + b62(43, "an1")),
                plain("analytics key", "AMPLITUDE_API_KEY", hex(32, "an2")),
                plain("analytics key", "MIXPANEL_TOKEN", hex(32, "an3")),
                plain("analytics key", "SEGMENT_WRITE_KEY", b62(32, "an4")),
                plain("analytics key", "DD_CLIENT_TOKEN", "pub" + hex(32, "an5")),
                plain("analytics key", "BROWSER_LOGS_TOKEN", "pub" + hex(32, "an6")),
                plain("publishable", "ALGOLIA_SEARCH_API_KEY", hex(32, "pub4")),
                plain("publishable", "PUSHER_APP_KEY", hex(20, "pub5")),
                plain("publishable", "LD_MOBILE_KEY", "mob-" + Fakes.uuid("pub6")),
                plain("publishable", "LANGFUSE_PUBLIC_KEY", "pk-lf-" + Fakes.uuid("pub7")),
                plain(
                        "publishable",
                        "CLERK_PUBLISHABLE_KEY",
                        "pk_live_" + Fakes.base64("clerk.spectral.dev$").replace("=", "")),
                // public keys and fingerprints
                plain(
                        "ssh public key",
                        "DEPLOY_KEY",
                        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + chars(BASE64, 43, "ssh1") + " deploy@spectral"),
                plain(
                        "ssh public key",
                        "SSH_AUTHORIZED_KEY",
                        "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQ" + chars(BASE64, 500, "ssh2")),
                plain("age recipient", "BACKUP_ENCRYPTION_KEY", "age1" + chars(Fakes.BECH32, 58, "age1")),
                plain("public key", "VERIFY_KEY_B64", Fakes.base64(pem("PUBLIC KEY", "vk1"))),
                plain("public key", "TLS_CERT", pem("CERTIFICATE", "crt1")),
                plain("fingerprint", "SERVER_KEY_PIN", "sha256/" + chars(BASE64, 43, "pin1") + "="),
                plain("fingerprint", "SSH_HOST_KEY", "SHA256:" + chars(BASE64, 43, "hk1")),
                plain("fingerprint", "SIGNING_CERT_KEY", hexPairs(32, "cf1")),
                plain("digest", "BASE_IMAGE_DIGEST", "sha256:" + hex(64, "dg1")),
                plain("digest", "SCRIPT_INTEGRITY_KEY", "sha384-" + chars(BASE64, 64, "sri1")),
                // data keys, not credentials
                plain("data key", "CACHE_KEY", "deps-v2-" + hex(40, "ck1")),
                plain("data key", "PARTITION_KEY", b62(24, "pk9")),
                // connection strings and URLs without credentials
                plain(
                        "connection string",
                        "AZURE_STORAGE_CONNECTION_STRING",
                        "DefaultEndpointsProtocol=https;AccountName=spectralstore;EndpointSuffix=core.windows.net"),
                plain(
                        "connection string",
                        "APPLICATIONINSIGHTS_CONNECTION_STRING",
                        "InstrumentationKey=" + Fakes.uuid("ai1")
                                + ";IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/"),
                plain(
                        "connection string",
                        "REDIS_CONNECTION",
                        "spectral.redis.cache.windows.net:6380,ssl=True,abortConnect=False"),
                plain(
                        "connection string",
                        "SQL_CONNECTION",
                        "Server=tcp:spectral.database.windows.net,1433;Initial Catalog=app;Authentication=Active Directory Default;"),
                plain("url", "CDN_IMAGE", "https://cdn.spectral.dev/img?key=hero-banner&w=1200"),
                plain("url", "DISCORD_INVITE", "https://discord.com/invite/spectral"),
                plain("url", "WEBHOOK_RECEIVER_URL", "https://hooks.spectral.dev/github"),
                plain("base64", "BANNER_B64", Fakes.base64("Welcome to Spectral, the secrets lifecycle for builds!")),
                plain("id", "TWILIO_ACCOUNT_SID", "AC" + hex(32, "sid1")),
                plain("id", "STRIPE_PRICE_ID", "price_" + b62(24, "price1")));
    }

    /** {@code count} colon-separated upper-case hex pairs, as certificate fingerprints are printed. */
    private static String hexPairs(int count, String label) {
        String h = hex(2 * count, label).toUpperCase(java.util.Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : ":").append(h, 2 * i, 2 * i + 2);
        }
        return out.toString();
    }
}

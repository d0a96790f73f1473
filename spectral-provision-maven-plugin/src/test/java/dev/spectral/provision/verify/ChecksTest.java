package dev.spectral.provision.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spectral.provision.config.Finding;
import dev.spectral.provision.config.Severity;
import dev.spectral.provision.testing.Configs;
import dev.spectral.provision.verify.scan.SecretRules;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each check with an input it passes and inputs it fails. */
class ChecksTest {

    private static List<Finding> run(Check check, String toml) {
        return run(check, toml, Settings.defaults());
    }

    private static List<Finding> run(Check check, String toml, VerifySettings settings) {
        return check.check(Configs.valid(toml), settings);
    }

    private static Finding only(List<Finding> findings) {
        assertEquals(1, findings.size(), () -> "expected one finding, got " + findings);
        return findings.get(0);
    }

    @Nested
    class EnvironmentNames {
        private final Check check = new EnvironmentNameCheck();

        @Test
        void passesSafeNames() {
            assertEquals(List.of(), run(check, "[production]\nA = \"x\"\n[\"eu-west.2_b\"]\nA = \"x\"\n"));
        }

        @Test
        void failsUnsafeCharacters() {
            Finding f = only(run(check, "[\"prod env\"]\nA = \"x\"\n"));
            assertEquals(Optional.of("prod env"), f.environment());
            assertTrue(f.fix().contains("[prod-env]"), f.fix());
        }

        @Test
        void failsOverlongNames() {
            String name = "e".repeat(256);
            assertTrue(only(run(check, "[" + name + "]\nA = \"x\"\n")).message().contains("256 characters"));
        }

        @Test
        void failsNamesThatDifferOnlyByCase() {
            Finding f = only(run(check, "[production]\nA = \"x\"\n[Production]\nA = \"x\"\n"));
            assertEquals(3, f.position().line());
            assertTrue(f.message().contains("environments.toml:1:1"), f.message());
        }
    }

    @Nested
    class KeyNames {
        private final Check check = new KeyNameCheck();

        @Test
        void passesValidNames() {
            assertEquals(List.of(), run(check, "[production]\nAPI_KEY = \"x\"\n_private = \"y\"\n"));
        }

        @Test
        void failsInvalidCharacters() {
            Finding f = only(run(check, "[production]\n\"API-KEY\" = \"x\"\n"));
            assertEquals(Optional.of("API-KEY"), f.key());
            assertTrue(f.fix().contains("API_KEY"));
        }

        @Test
        void failsLeadingDigit() {
            assertTrue(
                    only(run(check, "[production]\n1KEY = \"x\"\n")).message().contains("digit"));
        }

        @Test
        void failsGithubPrefixInAnyCase() {
            assertTrue(only(run(check, "[production]\ngithub_token = \"x\"\n"))
                    .message()
                    .contains("GITHUB_"));
        }

        @Test
        void failsKeysThatDifferOnlyByCase() {
            Finding f = only(run(check, "[production]\nApi_Key = \"x\"\nAPI_KEY = \"y\"\n"));
            assertEquals(Optional.of("API_KEY"), f.key());
            assertEquals(3, f.position().line());
        }

        @Test
        void checksRotationKeysToo() {
            Finding f = only(run(check, "[production]\nA = \"op://V/i/f\"\n[rotation]\n\"A-B\" = \"prompt:shared\"\n"));
            assertEquals(Optional.empty(), f.environment());
        }
    }

    @Nested
    class GitHubLimits {
        private final Check check = new GitHubLimitsCheck();

        private String environment(String name, int secrets, int variables) {
            StringBuilder toml = new StringBuilder("[" + name + "]\n");
            for (int i = 0; i < secrets; i++) {
                toml.append("S").append(i).append(" = \"op://V/item").append(i).append("/f\"\n");
            }
            for (int i = 0; i < variables; i++) {
                toml.append("V").append(i).append(" = \"x\"\n");
            }
            return toml.toString();
        }

        @Test
        void passesAtTheLimits() {
            assertEquals(List.of(), run(check, environment("production", 100, 100)));
        }

        @Test
        void failsOverOneHundredSecrets() {
            Finding f = only(run(check, environment("production", 101, 0)));
            assertEquals(Optional.of("S100"), f.key());
            assertTrue(f.message().contains("101 secrets"));
        }

        @Test
        void failsOverOneHundredVariables() {
            assertTrue(only(run(check, environment("production", 0, 101)))
                    .message()
                    .contains("101 variables"));
        }

        @Test
        void theKeySetOfAJwkKeyCountsAsAVariable() {
            String toml = environment("production", 1, 100) + "[rotation]\nS0 = \"es256-jwk:shared\"\n";
            assertTrue(only(run(check, toml)).message().contains("101 variables (1 key set(s) included)"));
        }

        @Test
        void localEnvironmentsHaveNoLimit() {
            assertEquals(List.of(), run(check, environment("dev", 0, 150)));
        }

        @Test
        void failsLiteralsOver48Kilobytes() {
            String big = "a".repeat(GitHubLimitsCheck.MAX_VALUE_BYTES + 1);
            assertEquals(
                    List.of(),
                    run(check, "[production]\nA = \"" + "a".repeat(GitHubLimitsCheck.MAX_VALUE_BYTES) + "\"\n"));
            assertTrue(only(run(check, "[production]\nA = \"" + big + "\"\n"))
                    .message()
                    .contains("49153 bytes"));
        }
    }

    @Nested
    class Vaults {
        private final Check check = new VaultCheck();

        @Test
        void anyVaultWhenNoneAreListed() {
            assertEquals(List.of(), run(check, "[production]\nA = \"op://Elsewhere/i/f\"\n"));
        }

        @Test
        void passesAllowedVaultIgnoringCase() {
            assertEquals(
                    List.of(), run(check, "[production]\nA = \"op://spectral/i/f\"\n", Settings.vaults("Spectral")));
        }

        @Test
        void failsOtherVaults() {
            Finding f = only(run(check, "[production]\nA = \"op://Private/i/f\"\n", Settings.vaults("Spectral")));
            assertTrue(f.message().contains("'Private'"));
            assertTrue(f.fix().contains("<vaults>"));
        }
    }

    @Nested
    class RotationGenerators {
        private final Check check = new RotationGeneratorCheck();

        @Test
        void passesKnownGeneratorsAndPrompt() {
            assertEquals(
                    List.of(),
                    run(
                            check,
                            "[production]\nA = \"op://V/a/f\"\nB = \"op://V/b/f\"\n"
                                    + "[rotation]\nA = \"es256-jwk:shared\"\nB = \"prompt:per-env\"\n"));
        }

        @Test
        void failsUnknownGeneratorListingTheKnownOnes() {
            Finding f = only(run(check, "[production]\nA = \"op://V/a/f\"\n[rotation]\nA = \"es512-jwk:shared\"\n"));
            assertEquals(
                    "unknown generator 'es512-jwk'; known generators: es256-jwk, random-token, prompt", f.message());
            assertEquals(4, f.position().line());
        }
    }

    @Nested
    class KeySetNames {
        private final Check check = new KeySetNameCheck();

        @Test
        void failsAnEntryNamedLikeTheKeySetOfAJwkKey() {
            Finding f = only(run(check, """
                    [production]
                    SIGNING_KEY = "op://V/signing/jwk"
                    SIGNING_KEY_JWKS = "{\\"keys\\":[]}"
                    [rotation]
                    SIGNING_KEY = "es256-jwk:shared"
                    """));

            assertEquals("key-set-name", f.rule());
            assertEquals(Optional.of("SIGNING_KEY_JWKS"), f.key());
            assertEquals(3, f.position().line());
        }

        @Test
        void passesTheNameForAKeyWithoutAKeySet() {
            assertEquals(List.of(), run(check, """
                    [production]
                    TOKEN = "op://V/token/credential"
                    TOKEN_JWKS = "https://example.com/jwks.json"
                    [rotation]
                    TOKEN = "random-token:shared"
                    """));
        }
    }

    @Nested
    class RotationTargets {
        private final Check check = new RotationTargetCheck();

        @Test
        void passesSharedKeyWithOneReferenceAndADevTierItem() {
            assertEquals(List.of(), run(check, """
                    [production]
                    K = "op://V/signing/jwk"
                    [staging]
                    K = "op://V/signing/jwk"
                    [dev]
                    K = "op://V/signing-dev/jwk"
                    [rotation]
                    K = "es256-jwk:shared"
                    """));
        }

        @Test
        void failsSharedKeyWithDifferentReferences() {
            Finding f = only(run(check, """
                    [production]
                    K = "op://V/signing/jwk"
                    [staging]
                    K = "op://V/signing-staging/jwk"
                    [rotation]
                    K = "es256-jwk:shared"
                    """));
            assertEquals(Optional.of("staging"), f.environment());
            assertTrue(f.fix().contains("es256-jwk:per-env"));
        }

        @Test
        void passesPerEnvKeyWithDistinctReferences() {
            assertEquals(
                    List.of(),
                    run(
                            check,
                            "[production]\nK = \"op://V/p/f\"\n[staging]\nK = \"op://V/s/f\"\n"
                                    + "[rotation]\nK = \"prompt:per-env\"\n"));
        }

        @Test
        void failsPerEnvKeyThatSharesAReference() {
            Finding f = only(run(
                    check,
                    "[production]\nK = \"op://V/p/f\"\n[staging]\nK = \"op://v/P/f\"\n"
                            + "[rotation]\nK = \"prompt:per-env\"\n"));
            assertEquals(Optional.of("staging"), f.environment());
        }

        @Test
        void failsKeyThatIsNeverAReference() {
            Finding f = only(run(check, "[dev]\nK = \"literal\"\n[rotation]\nK = \"prompt:shared\"\n"));
            assertEquals(Severity.ERROR, f.severity());
            assertTrue(f.message().contains("a literal cannot be rotated"));
        }

        @Test
        void warnsWhenAPublishedEnvironmentHoldsTheKeyAsALiteral() {
            Finding f = only(run(
                    check,
                    "[production]\nK = \"op://V/p/f\"\n[staging]\nK = \"plain\"\n"
                            + "[rotation]\nK = \"prompt:shared\"\n"));
            assertEquals(Severity.WARNING, f.severity());
            assertEquals(Optional.of("staging"), f.environment());
        }
    }

    @Nested
    class LocalIsolation {
        private final Check check = new LocalIsolationCheck();
        private static final String SHARED = """
                [production]
                A = "op://Spectral/supabase-production/dsn"
                [dev]
                A = "op://Spectral/Supabase-Production/other-field"
                """;

        @Test
        void passesDevTierItems() {
            assertEquals(List.of(), run(check, "[production]\nA = \"op://S/prod/f\"\n[dev]\nA = \"op://S/dev/f\"\n"));
        }

        @Test
        void failsLocalReadOfAPublishedItem() {
            Finding f = only(run(check, SHARED));
            assertEquals(Optional.of("dev"), f.environment());
            assertTrue(f.message().contains("[production]"));
        }

        @Test
        void passesAnExplicitlyAllowedItem() {
            assertEquals(List.of(), run(check, SHARED, Settings.allowingShared("Spectral/supabase-production")));
        }
    }

    @Nested
    class LiteralSecrets {
        private final Check check = new LiteralSecretCheck(SecretRules.DEFAULT);
        private static final String LOCAL_DSN = "postgresql://postgres:postgres@127.0.0.1:54322/postgres";
        private static final String WITH_LOCAL_DSN = """
                [production]
                SUPABASE_DB_URL = "op://Spectral/supabase-production/dsn"
                [dev]
                SUPABASE_DB_URL = "%s"
                """.formatted(LOCAL_DSN);
        private static final Pattern FINGERPRINT = Pattern.compile("sha256:[0-9a-f]{16}");

        private String fingerprintIn(Finding finding) {
            Matcher m = FINGERPRINT.matcher(finding.format());
            assertTrue(m.find(), finding::format);
            return m.group();
        }

        @Test
        void passesOrdinaryConfiguration() {
            assertEquals(List.of(), run(check, """
                    [production]
                    URL = "https://app.example.com/path?x=1"
                    REGION = "eu-west-1"
                    ENABLED = "true"
                    SUPABASE_ANON_KEY = "%s"
                    SUPABASE_PUBLISHABLE_KEY = "sb_publishable_%s"
                    KEY_ID = "key_2024_01"
                    PROJECT_ID = "3f2b8c1e-9d4a-4e7b-8a6c-1f0e2d3c4b5a"
                    """.formatted(
                            Fakes.supabaseJwt("anon", "qzvtrmxkplwnbhcd"), Fakes.b62(31, "pub"))));
        }

        @Test
        void failsAKnownPrefixWithAMaskedPreview() {
            Finding f = only(run(check, "[production]\nKEY = \"sk-ant-api03-" + "x".repeat(40) + "\"\n"));
            assertTrue(f.message().contains("'sk-a…'"), f.message());
            assertTrue(f.message().contains("rule anthropic"));
            assertTrue(!f.format().contains("x".repeat(10)), "the value must not be repeated");
        }

        @Test
        void namesFileLineKeyRulePreviewAndFingerprint() {
            String token = "ghp_" + Fakes.b62(36, "checks");
            Finding f = only(run(check, "[production]\nAPP_ENV = \"production\"\nDEPLOY_TOKEN = \"" + token + "\"\n"));
            assertEquals(Severity.ERROR, f.severity());
            assertEquals("literal-secret", f.rule());
            assertTrue(f.format().startsWith("environments.toml:3:1 [production] DEPLOY_TOKEN: "), f.format());
            assertTrue(f.message().contains("GitHub token (rule github, starts 'ghp_…')"), f.message());
            assertEquals(Fingerprint.of(token), fingerprintIn(f));
            assertTrue(!f.format().contains(token.substring(4, 12)), "the value must not be repeated");
        }

        @Test
        void failsPemPrivateKeys() {
            Finding f = only(
                    run(
                            check,
                            "[production]\nKEY = \"\"\"\n-----BEGIN EC PRIVATE KEY-----\nMHc\n-----END EC PRIVATE KEY-----\n\"\"\"\n"));
            assertTrue(f.message().contains("rule private-key"));
        }

        @Test
        void failsDsnWithPassword() {
            Finding f = only(run(check, "[production]\nDB = \"postgres://app:hunter2secret@db.example:5432/app\"\n"));
            assertTrue(f.message().contains("rule url-password"));
        }

        @Test
        void failsAServiceRoleJwtEvenUnderAnAnonName() {
            Finding f = only(
                    run(check, "[staging]\nSUPABASE_ANON_KEY = \"" + Fakes.supabaseJwt("service_role", "x") + "\"\n"));
            assertTrue(f.message().contains("rule supabase-service-role"), f.message());
        }

        @Test
        void failsKnownFormatsUnderNeutralNames() {
            String toml = "[production]\nSETTING_01 = \"glpat-" + Fakes.b64url(20, "n1") + "\"\n"
                    + "SETTING_02 = \"https://discord.com/api/webhooks/712345678901234567/" + Fakes.b64url(68, "n2")
                    + "\"\n"
                    + "SETTING_03 = \"DefaultEndpointsProtocol=https;AccountName=spectral;AccountKey="
                    + Fakes.b64(86, "n3")
                    + "==;EndpointSuffix=core.windows.net\"\n"
                    + "SETTING_04 = \"AGE-SECRET-KEY-1"
                    + Fakes.chars(Fakes.BECH32, 58, "n4").toUpperCase() + "\"\n";
            List<Finding> findings = run(check, toml);
            assertEquals(
                    List.of("gitlab", "discord-webhook", "connection-string", "age-key"),
                    findings.stream()
                            .map(f -> f.message().replaceAll(".*\\(rule ([a-z0-9-]+),.*", "$1"))
                            .toList(),
                    findings::toString);
            assertTrue(
                    findings.stream().noneMatch(f -> f.format().contains(Fakes.b64url(20, "n1"))), "no value repeated");
        }

        @Test
        void passesPublicByDesignValuesUnderSecretSoundingNames() {
            assertEquals(
                    List.of(),
                    run(
                            check,
                            "[production]\n"
                                    + "RECAPTCHA_SITE_KEY = \"6L" + Fakes.b64url(38, "p1") + "\"\n"
                                    + "NEXT_PUBLIC_POSTHOG_KEY = \"phc_" + Fakes.b62(43, "p2") + "\"\n"
                                    + "SEGMENT_WRITE_KEY = \"" + Fakes.b62(32, "p3") + "\"\n"
                                    + "DEPLOY_KEY = \"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + Fakes.b64(43, "p4")
                                    + "\"\n"
                                    + "SERVER_KEY_PIN = \"sha256/" + Fakes.b64(43, "p5") + "=\"\n"
                                    + "BACKUP_ENCRYPTION_KEY = \"age1" + Fakes.chars(Fakes.BECH32, 58, "p6") + "\"\n"));
        }

        @Test
        void failsARandomValueUnderASecretsNameButNotUnderAnIdsName() {
            String random = Fakes.b62(40, "generic");
            Finding f = only(run(
                    check, "[production]\nSESSION_SECRET = \"" + random + "\"\nSESSION_KEY_ID = \"" + random + "\"\n"));
            assertEquals(Optional.of("SESSION_SECRET"), f.key());
            assertTrue(f.message().contains("rule high-entropy"), f.message());
        }

        @Test
        void allowsAKeyInOneEnvironmentWithAReason() {
            var allowDev = Settings.allowingLiterals(
                    AllowedLiteral.ofKey("SUPABASE_DB_URL", "the local stack's well-known default")
                            .inEnvironment("dev"));
            assertEquals(List.of(), run(check, WITH_LOCAL_DSN, allowDev));

            String inStaging = WITH_LOCAL_DSN + "[staging]\nSUPABASE_DB_URL = \"" + LOCAL_DSN + "\"\n";
            assertEquals(
                    Optional.of("staging"),
                    only(run(check, inStaging, allowDev)).environment());
        }

        @Test
        void allowsTheFingerprintThatTheFindingPrintsAndOnlyThatValue() {
            String fingerprint = fingerprintIn(only(run(check, WITH_LOCAL_DSN)));
            var allowed = Settings.allowingLiterals(AllowedLiteral.ofFingerprint(fingerprint, "local stack default"));
            assertEquals(List.of(), run(check, WITH_LOCAL_DSN, allowed));

            String otherPassword = WITH_LOCAL_DSN.replace("postgres:postgres@", "postgres:changed@");
            List<Finding> findings = run(check, otherPassword, allowed);
            assertEquals(
                    List.of("literal-secret", "allowed-literal"),
                    findings.stream().map(Finding::rule).toList());
            assertTrue(findings.get(0).message().contains("rule url-password"));
            assertEquals(Severity.WARNING, findings.get(1).severity(), "the entry now allows nothing");
        }

        @Test
        void anEntryWithoutAReasonIsAnErrorAndAllowsNothing() {
            var blank = Settings.allowingLiterals(AllowedLiteral.ofKey("SUPABASE_DB_URL", "  "));
            List<Finding> findings = run(check, WITH_LOCAL_DSN, blank);
            assertEquals(
                    List.of("literal-secret", "allowed-literal"),
                    findings.stream().map(Finding::rule).toList());
            Finding entry = findings.get(1);
            assertEquals(Severity.ERROR, entry.severity());
            assertTrue(entry.message().contains("<allowedLiterals> entry 1 (key SUPABASE_DB_URL)"), entry.message());
            assertTrue(entry.message().contains("a reason is required"), entry.message());
        }

        @Test
        void malformedAndEmptyEntriesAreErrors() {
            var entries = Settings.allowingLiterals(
                    AllowedLiteral.ofFingerprint("sha256:abc", "too short"), new AllowedLiteral());
            List<Finding> findings = run(check, "[production]\nAPP_ENV = \"production\"\n", entries);
            assertEquals(2, findings.size(), () -> findings.toString());
            assertTrue(
                    findings.get(0).message().contains("fingerprint is not 'sha256:'"),
                    findings.get(0).message());
            assertTrue(
                    findings.get(1).message().contains("neither a <key> nor a <fingerprint>"),
                    findings.get(1).message());
            assertTrue(findings.stream().allMatch(Finding::isError));
        }

        @Test
        void anEntryThatAllowsNothingIsAWarning() {
            var stale = Settings.allowingLiterals(AllowedLiteral.ofKey("GONE", "removed last year"));
            Finding f = only(run(check, "[production]\nAPP_ENV = \"production\"\n", stale));
            assertEquals(Severity.WARNING, f.severity());
            assertEquals("allowed-literal", f.rule());
        }

        @Test
        void theSettingsKeepACopyOfTheEntries() {
            AllowedLiteral entry = AllowedLiteral.ofKey("SUPABASE_DB_URL", "local default");
            VerifySettings settings = Settings.allowingLiterals(entry);
            entry.setKey("SOMETHING_ELSE");
            assertEquals(List.of(), run(check, WITH_LOCAL_DSN, settings));
        }
    }
}

package dev.spectral.provision.verify;

import static dev.spectral.provision.verify.Fakes.BASE32;
import static dev.spectral.provision.verify.Fakes.BASE62;
import static dev.spectral.provision.verify.Fakes.BECH32;
import static dev.spectral.provision.verify.Fakes.DIGITS;
import static dev.spectral.provision.verify.Fakes.LETTERS;
import static dev.spectral.provision.verify.Fakes.LOWER_ALNUM;
import static dev.spectral.provision.verify.Fakes.UPPER_ALNUM;
import static dev.spectral.provision.verify.Fakes.b62;
import static dev.spectral.provision.verify.Fakes.b64;
import static dev.spectral.provision.verify.Fakes.b64url;
import static dev.spectral.provision.verify.Fakes.base64;
import static dev.spectral.provision.verify.Fakes.chars;
import static dev.spectral.provision.verify.Fakes.hex;
import static dev.spectral.provision.verify.Fakes.jwt;
import static dev.spectral.provision.verify.Fakes.pem;
import static dev.spectral.provision.verify.Fakes.uuid;

import java.util.List;

/**
 * One entry per value-only rule: synthetic values in the shape the rule's source documents (each must be named
 * by that rule, under any key), and near misses (the prefix with a wrong length or alphabet, the public half of
 * a key pair, the same string without its credential) that no rule may flag under a neutral key name. Every
 * value is made at test time from {@link Fakes}: none is real, and none is written out in the source.
 */
final class FormatSamples {

    /**
     * @param rule the rule that must name every positive
     * @param key the name a team would give the value
     * @param positives values of the format (at least three)
     * @param negatives values no rule may flag under a neutral name
     */
    record Format(String rule, String key, List<String> positives, List<String> negatives) {

        @Override
        public String toString() {
            return rule;
        }
    }

    private FormatSamples() {}

    private static Format f(String rule, String key, List<String> positives, List<String> negatives) {
        return new Format(rule, key, positives, negatives);
    }

    private static String lower(int n, String label) {
        return chars(LOWER_ALNUM, n, label);
    }

    private static String upper(int n, String label) {
        return chars(UPPER_ALNUM, n, label);
    }

    private static String digits(int n, String label) {
        // no leading zero, as ids are printed
        return "7" + chars(DIGITS, n - 1, label);
    }

    static List<Format> all() {
        return List.of(
                // --- AI
                f(
                        "anthropic",
                        "ANTHROPIC_API_KEY",
                        List.of(
                                "sk-ant-api03-" + b64url(93, "fa1") + "AA",
                                "sk-ant-admin01-" + b64url(93, "fa2") + "AA",
                                "x-api-key: sk-ant-api03-" + b64url(93, "fa3") + "AA"),
                        List.of("sk-ant-", "sk-ant-api03-short", "ask-ant-api03-" + b62(30, "fa4"))),
                f(
                        "openai",
                        "OPENAI_API_KEY",
                        List.of(
                                "sk-proj-" + b64url(156, "fo1"),
                                "sk-svcacct-" + b64url(120, "fo2"),
                                "sk-" + b62(20, "fo3") + "T3BlbkFJ" + b62(20, "fo4")),
                        List.of("sk-proj-short", "sk-project-settings-v2")),
                f(
                        "google-api-key",
                        "GEMINI_API_KEY",
                        List.of(
                                "AIza" + b64url(35, "fg1"),
                                "AIza" + b64url(35, "fg2"),
                                "https://maps.googleapis.com/maps/api/js?key=AIza" + b64url(35, "fg3")),
                        List.of("AIza" + b64url(20, "fg4"), "AIzaSyExample")),
                f(
                        "xai",
                        "XAI_API_KEY",
                        List.of("xai-" + b62(80, "fx1"), "xai-" + b62(80, "fx2"), "xai-" + b62(80, "fx3")),
                        List.of("xai-" + b62(40, "fx4"), "xai-grok-beta")),
                f(
                        "openrouter",
                        "OPENROUTER_API_KEY",
                        List.of(
                                "sk-or-v1-" + hex(64, "fr1"),
                                "sk-or-v1-" + hex(64, "fr2"),
                                "sk-or-v1-" + hex(64, "fr3")),
                        List.of("sk-or-v1-" + hex(32, "fr4"))),
                f(
                        "perplexity",
                        "PERPLEXITY_API_KEY",
                        List.of("pplx-" + b62(48, "fp1"), "pplx-" + b62(48, "fp2"), "pplx-" + b62(48, "fp3")),
                        List.of("pplx-" + b62(20, "fp4"), "pplx-sonar-pro")),
                f(
                        "groq",
                        "GROQ_API_KEY",
                        List.of("gsk_" + b62(52, "fq1"), "gsk_" + b62(52, "fq2"), "gsk_" + b62(52, "fq3")),
                        List.of("gsk_" + b62(30, "fq4"))),
                f(
                        "huggingface",
                        "HF_TOKEN",
                        List.of(
                                "hf_" + chars(LETTERS, 34, "fh1"),
                                "hf_" + chars(LETTERS, 34, "fh2"),
                                "api_org_" + chars(LETTERS, 34, "fh3")),
                        List.of("hf_" + chars(LETTERS, 20, "fh4"), "hf_hub_cache")),
                f(
                        "replicate",
                        "REPLICATE_API_TOKEN",
                        List.of("r8_" + b62(37, "fre1"), "r8_" + b62(37, "fre2"), "r8_" + b62(37, "fre3")),
                        List.of("r8_" + b62(20, "fre4"))),
                f(
                        "langsmith",
                        "LANGSMITH_API_KEY",
                        List.of(
                                "lsv2_pt_" + hex(32, "fl1") + "_" + hex(10, "fl2"),
                                "lsv2_sk_" + hex(32, "fl3") + "_" + hex(10, "fl4"),
                                "lsv2_pt_" + hex(32, "fl5") + "_" + hex(10, "fl6")),
                        List.of("lsv2_pt_" + hex(16, "fl7"))),
                f(
                        "langfuse",
                        "LANGFUSE_SECRET_KEY",
                        List.of("sk-lf-" + uuid("flf1"), "sk-lf-" + uuid("flf2"), "sk-lf-" + uuid("flf3")),
                        List.of("pk-lf-" + uuid("flf4"), "sk-lf-" + hex(12, "flf5"))),
                f(
                        "pinecone",
                        "PINECONE_API_KEY",
                        List.of(
                                "pcsk_" + b62(5, "fpc1") + "_" + b62(63, "fpc2"),
                                "pcsk_" + b62(6, "fpc3") + "_" + b62(63, "fpc4"),
                                "pcsk_" + b62(5, "fpc5") + "_" + b62(63, "fpc6")),
                        List.of("pcsk_" + b62(5, "fpc7") + "_" + b62(20, "fpc8"))),
                f(
                        "elevenlabs",
                        "ELEVENLABS_API_KEY",
                        List.of("sk_" + hex(48, "fe1"), "sk_" + hex(48, "fe2"), "sk_" + hex(48, "fe3")),
                        List.of("sk_" + hex(32, "fe4"))),

                // --- developer tools
                f(
                        "github",
                        "GH_TOKEN",
                        List.of(
                                "ghp_" + b62(36, "fgh1"),
                                "ghs_" + b62(36, "fgh2"),
                                "github_pat_" + b62(22, "fgh3") + "_" + b62(59, "fgh4")),
                        List.of("ghp_" + b62(20, "fgh5"), "github_pat_" + b62(30, "fgh6"))),
                f(
                        "gitlab",
                        "GITLAB_TOKEN",
                        List.of(
                                "glpat-" + b64url(20, "fgl1"),
                                "glrt-" + b64url(20, "fgl2"),
                                "gldt-" + b64url(20, "fgl3"),
                                "glptt-" + hex(40, "fgl4"),
                                "GR1348941" + b64url(20, "fgl5")),
                        List.of("glpat-" + b62(10, "fgl6"), "glpat-example")),
                f(
                        "npm",
                        "NPM_TOKEN",
                        List.of(
                                "npm_" + b62(36, "fn1"),
                                "npm_" + b62(36, "fn2"),
                                "//registry.npmjs.org/:_authToken=npm_" + b62(36, "fn3")),
                        List.of("npm_" + b62(20, "fn4"), "npm_config_registry")),
                f(
                        "pypi",
                        "PYPI_TOKEN",
                        List.of(
                                "pypi-AgEIcHlwaS5vcmc" + b64url(70, "fpy1"),
                                "pypi-AgEIcHlwaS5vcmc" + b64url(120, "fpy2"),
                                "pypi-AgENdGVzdC5weXBpLm9yZw" + b64url(70, "fpy3")),
                        List.of("pypi-AgEIcHlwaS5vcmc" + b64url(10, "fpy4"), "pypi-simple-index")),
                f(
                        "rubygems",
                        "GEM_HOST_API_KEY",
                        List.of(
                                "rubygems_" + hex(48, "frg1"),
                                "rubygems_" + hex(48, "frg2"),
                                "rubygems_" + hex(48, "frg3")),
                        List.of("rubygems_" + hex(20, "frg4"), "rubygems_mirror")),
                f(
                        "nuget",
                        "NUGET_API_KEY",
                        List.of("oy2" + lower(43, "fnu1"), "oy2" + lower(43, "fnu2"), "oy2" + lower(43, "fnu3")),
                        List.of("oy2" + lower(20, "fnu4"))),
                f(
                        "clojars",
                        "CLOJARS_DEPLOY_TOKEN",
                        List.of(
                                "CLOJARS_" + lower(60, "fcj1"),
                                "CLOJARS_" + lower(60, "fcj2"),
                                "CLOJARS_" + lower(60, "fcj3")),
                        List.of("CLOJARS_" + lower(10, "fcj4"))),
                f(
                        "dockerhub",
                        "DOCKERHUB_TOKEN",
                        List.of(
                                "dckr_pat_" + b64url(27, "fd1"),
                                "dckr_pat_" + b64url(27, "fd2"),
                                "dckr_oat_" + b64url(32, "fd3")),
                        List.of("dckr_pat_" + b62(10, "fd4"))),
                f(
                        "jfrog",
                        "ARTIFACTORY_API_KEY",
                        List.of("AKCp" + b62(69, "fj1"), "AKCp" + b62(69, "fj2"), "cmVmd" + b62(59, "fj3")),
                        List.of("AKCp" + b62(30, "fj4"))),
                f(
                        "circleci",
                        "CIRCLECI_TOKEN",
                        List.of(
                                "CCIPAT_" + b62(22, "fci1") + "_" + hex(40, "fci2"),
                                "CCIPAT_" + b62(22, "fci3") + "_" + hex(40, "fci4"),
                                "CCIPAT_" + b62(22, "fci5") + "_" + hex(40, "fci6")),
                        List.of("CCIPAT_" + b62(22, "fci7"))),
                f(
                        "buildkite",
                        "BUILDKITE_API_TOKEN",
                        List.of("bkua_" + lower(40, "fbk1"), "bkua_" + lower(40, "fbk2"), "bkua_" + lower(40, "fbk3")),
                        List.of("bkua_" + lower(20, "fbk4"))),
                f(
                        "sonarqube",
                        "SONAR_TOKEN",
                        List.of("squ_" + hex(40, "fsq1"), "sqp_" + hex(40, "fsq2"), "sqa_" + hex(40, "fsq3")),
                        List.of("squ_" + hex(20, "fsq4"))),
                f(
                        "sourcegraph",
                        "SRC_ACCESS_TOKEN",
                        List.of(
                                "sgp_" + hex(16, "fsg1") + "_" + hex(40, "fsg2"),
                                "sgp_" + hex(40, "fsg3"),
                                "sgp_local_" + hex(40, "fsg4")),
                        List.of("sgp_" + hex(20, "fsg5"))),
                f(
                        "postman",
                        "POSTMAN_API_KEY",
                        List.of(
                                "PMAK-" + hex(24, "fpm1") + "-" + hex(34, "fpm2"),
                                "PMAK-" + hex(24, "fpm3") + "-" + hex(34, "fpm4"),
                                "PMAK-" + hex(24, "fpm5") + "-" + hex(34, "fpm6")),
                        List.of("PMAK-" + hex(24, "fpm7"))),
                f(
                        "linear",
                        "LINEAR_API_KEY",
                        List.of(
                                "lin_api_" + b62(40, "fli1"),
                                "lin_api_" + b62(40, "fli2"),
                                "lin_api_" + b62(40, "fli3")),
                        List.of("lin_api_" + b62(20, "fli4"))),
                f(
                        "notion",
                        "NOTION_TOKEN",
                        List.of(
                                "ntn_" + chars(DIGITS, 11, "fno1") + b62(35, "fno2"),
                                "ntn_" + chars(DIGITS, 11, "fno3") + b62(35, "fno4"),
                                "secret_" + b62(43, "fno5")),
                        List.of("ntn_" + b62(20, "fno6"), "secret_" + b62(20, "fno7"), "secret_key_base")),
                f(
                        "figma",
                        "FIGMA_TOKEN",
                        List.of(
                                "figd_" + b64url(40, "ffi1"),
                                "figd_" + b64url(40, "ffi2"),
                                "figd_" + b64url(44, "ffi3")),
                        List.of("figd_" + b62(20, "ffi4"))),
                f(
                        "airtable",
                        "AIRTABLE_TOKEN",
                        List.of(
                                "pat" + b62(14, "fat1") + "." + hex(64, "fat2"),
                                "pat" + b62(14, "fat3") + "." + hex(64, "fat4"),
                                "pat" + b62(14, "fat5") + "." + hex(64, "fat6")),
                        List.of("pat" + b62(14, "fat7") + "." + hex(20, "fat8"))),
                f(
                        "atlassian",
                        "JIRA_API_TOKEN",
                        List.of(
                                "ATATT3xFfGF0" + b64url(171, "fal1") + "=" + chars("0123456789ABCDEF", 8, "fal2"),
                                "ATATT3xFfGF0" + b64url(171, "fal3") + "=" + chars("0123456789ABCDEF", 8, "fal4"),
                                "ATCTT3xFfGN0" + b64url(180, "fal5") + "=" + b62(8, "fal6")),
                        List.of("ATATT3" + b62(20, "fal7"))),
                f(
                        "typeform",
                        "TYPEFORM_TOKEN",
                        List.of("tfp_" + b62(59, "fty1"), "tfp_" + b62(59, "fty2"), "tfp_" + b62(59, "fty3")),
                        List.of("tfp_" + b62(20, "fty4"))),
                f(
                        "contentful",
                        "CONTENTFUL_MANAGEMENT_TOKEN",
                        List.of(
                                "CFPAT-" + b64url(43, "fcf1"),
                                "CFPAT-" + b64url(43, "fcf2"),
                                "CFPAT-" + b64url(43, "fcf3")),
                        List.of("CFPAT-" + b62(20, "fcf4"))),
                f(
                        "readme",
                        "README_API_KEY",
                        List.of("rdme_" + lower(70, "frd1"), "rdme_" + lower(70, "frd2"), "rdme_" + lower(70, "frd3")),
                        List.of("rdme_" + lower(30, "frd4"))),
                f(
                        "prefect",
                        "PREFECT_API_KEY",
                        List.of("pnu_" + b62(36, "fpr1"), "pnu_" + b62(36, "fpr2"), "pnu_" + b62(36, "fpr3")),
                        List.of("pnu_" + b62(20, "fpr4"))),
                f(
                        "octopus-deploy",
                        "OCTOPUS_API_KEY",
                        List.of("API-" + upper(26, "foc1"), "API-" + upper(26, "foc2"), "API-" + upper(26, "foc3")),
                        List.of("API-" + upper(10, "foc4"), "API-GATEWAY-EU")),
                f(
                        "harness",
                        "HARNESS_API_KEY",
                        List.of(
                                "pat." + b64url(22, "fha1") + "." + b62(24, "fha2") + "." + b62(20, "fha3"),
                                "sat." + b64url(22, "fha4") + "." + b62(24, "fha5") + "." + b62(20, "fha6"),
                                "pat." + b64url(22, "fha7") + "." + b62(24, "fha8") + "." + b62(20, "fha9")),
                        List.of("pat.settings.json")),
                f(
                        "frameio",
                        "FRAMEIO_TOKEN",
                        List.of(
                                "fio-u-" + b64url(64, "ffr1"),
                                "fio-u-" + b64url(64, "ffr2"),
                                "fio-u-" + b64url(64, "ffr3")),
                        List.of("fio-u-" + b62(20, "ffr4"))),
                f(
                        "adobe",
                        "ADOBE_CLIENT_SECRET",
                        List.of("p8e-" + b62(32, "fad1"), "p8e-" + b62(32, "fad2"), "p8e-" + b62(32, "fad3")),
                        List.of("p8e-" + b62(10, "fad4"))),
                f(
                        "infracost",
                        "INFRACOST_API_KEY",
                        List.of("ico-" + b62(32, "fic1"), "ico-" + b62(32, "fic2"), "ico-" + b62(32, "fic3")),
                        List.of("ico-" + b62(10, "fic4"))),
                f(
                        "maxmind",
                        "MAXMIND_LICENSE_KEY",
                        List.of(
                                b62(6, "fmm1") + "_" + b62(29, "fmm2") + "_mmk",
                                b62(6, "fmm3") + "_" + b62(29, "fmm4") + "_mmk",
                                b62(6, "fmm5") + "_" + b62(29, "fmm6") + "_mmk"),
                        List.of(b62(6, "fmm7") + "_" + b62(10, "fmm8") + "_mmk")),

                // --- cloud and infrastructure
                f(
                        "aws",
                        "AWS_ACCESS_KEY_ID",
                        List.of(
                                "AKIA" + chars(BASE32, 16, "faw1"),
                                "ASIA" + chars(BASE32, 16, "faw2"),
                                "ABSK" + b64(132, "faw3")),
                        List.of("AKIA" + chars(BASE32, 10, "faw4"), "AKIAEXAMPLE")),
                f(
                        "google-oauth",
                        "GOOGLE_CLIENT_SECRET",
                        List.of(
                                "GOCSPX-" + b64url(28, "fgo1"),
                                "GOCSPX-" + b64url(28, "fgo2"),
                                "ya29." + b64url(120, "fgo3")),
                        List.of("GOCSPX-" + b62(10, "fgo4"), "ya29.short")),
                f(
                        "azure-ad",
                        "AZURE_CLIENT_SECRET",
                        List.of(
                                b62(3, "faz1") + "8Q~" + chars(BASE62 + "_~.-", 34, "faz2"),
                                b62(3, "faz3") + "7Q~" + chars(BASE62 + "_~.-", 31, "faz4"),
                                b62(3, "faz5") + "8Q~" + chars(BASE62 + "_~.-", 34, "faz6")),
                        List.of(b62(3, "faz7") + "8Q~" + b62(10, "faz8"))),
                f(
                        "azure-container-registry",
                        "ACR_PASSWORD_VALUE",
                        List.of(
                                b64(42, "facr1") + "+ACR" + b62(6, "facr2"),
                                b64(42, "facr3") + "+ACR" + b62(6, "facr4"),
                                b64(42, "facr5") + "+ACR" + b62(6, "facr6")),
                        List.of("+ACR" + b62(6, "facr7"))),
                f(
                        "cloudflare",
                        "CLOUDFLARE_API_TOKEN",
                        List.of(
                                "cfut_" + b62(40, "fcl1") + hex(8, "fcl2"), "cfat_" + b62(40, "fcl3") + hex(8, "fcl4"),
                                "cfk_" + b62(40, "fcl5") + hex(8, "fcl6"),
                                        "v1.0-" + hex(24, "fcl7") + "-" + hex(146, "fcl8")),
                        List.of("cfut_" + b62(10, "fcl9"))),
                f(
                        "digitalocean",
                        "DIGITALOCEAN_TOKEN",
                        List.of("dop_v1_" + hex(64, "fdo1"), "doo_v1_" + hex(64, "fdo2"), "dor_v1_" + hex(64, "fdo3")),
                        List.of("dop_v1_" + hex(20, "fdo4"))),
                f(
                        "alibaba",
                        "ALIBABA_ACCESS_KEY_ID",
                        List.of("LTAI" + b62(20, "fali1"), "LTAI" + b62(20, "fali2"), "LTAI" + b62(20, "fali3")),
                        List.of("LTAI" + b62(10, "fali4"))),
                f(
                        "hashicorp-vault",
                        "VAULT_TOKEN",
                        List.of("hvs." + b64url(24, "fv1"), "hvs." + b64url(95, "fv2"), "hvb." + b64url(138, "fv3")),
                        List.of("hvs." + b62(10, "fv4"), "hvs.example")),
                f(
                        "terraform-cloud",
                        "TFE_TOKEN",
                        List.of(
                                b62(14, "ftf1") + ".atlasv1." + b62(67, "ftf2"),
                                b62(14, "ftf3") + ".atlasv1." + b62(67, "ftf4"),
                                b62(14, "ftf5") + ".atlasv1." + b62(67, "ftf6")),
                        List.of("app.atlasv1.example")),
                f(
                        "pulumi",
                        "PULUMI_ACCESS_TOKEN",
                        List.of("pul-" + hex(40, "fpu1"), "pul-" + hex(40, "fpu2"), "pul-" + hex(40, "fpu3")),
                        List.of("pul-" + hex(20, "fpu4"))),
                f(
                        "doppler",
                        "DOPPLER_TOKEN",
                        List.of("dp.st.prd." + b62(40, "fdp1"), "dp.pt." + b62(43, "fdp2"), "dp.sa." + b62(40, "fdp3")),
                        List.of("dp.st." + b62(10, "fdp4"))),
                f(
                        "fly",
                        "FLY_API_TOKEN",
                        List.of("fo1_" + b64url(43, "ffl1"), "fo1_" + b64url(43, "ffl2"), "fm2_" + b64(120, "ffl3")),
                        List.of("fo1_" + b62(20, "ffl4"))),
                f(
                        "heroku",
                        "HEROKU_API_KEY",
                        List.of(
                                "HRKU-AA" + b64url(58, "fhe1"),
                                "HRKU-AA" + b64url(58, "fhe2"),
                                "HRKU-AA" + b64url(58, "fhe3")),
                        List.of("HRKU-AA" + b62(20, "fhe4"))),
                f(
                        "netlify",
                        "NETLIFY_AUTH_TOKEN",
                        List.of("nfp_" + b62(36, "fnl1"), "nfp_" + b62(36, "fnl2"), "nfp_" + b62(36, "fnl3")),
                        List.of("nfp_" + b62(10, "fnl4"))),
                f(
                        "vercel",
                        "VERCEL_TOKEN",
                        List.of("vcp_" + b62(24, "fve1"), "vck_" + b62(40, "fve2"), "vci_" + b62(56, "fve3")),
                        List.of("vcp_" + b62(10, "fve4"))),
                f(
                        "tailscale",
                        "TS_AUTHKEY",
                        List.of(
                                "tskey-auth-k" + b62(11, "fts1") + "CNTRL-" + b62(33, "fts2"),
                                "tskey-api-k" + b62(11, "fts3") + "CNTRL-" + b62(33, "fts4"),
                                "tskey-client-k" + b62(11, "fts5") + "CNTRL-" + b62(33, "fts6")),
                        List.of("tskey-auth-" + b62(5, "fts7"))),
                f(
                        "planetscale",
                        "PLANETSCALE_SERVICE_TOKEN",
                        List.of(
                                "pscale_tkn_" + b64url(43, "fps1"),
                                "pscale_pw_" + b64url(43, "fps2"),
                                "pscale_oauth_" + b64url(43, "fps3")),
                        List.of("pscale_tkn_" + b62(10, "fps4"))),
                f(
                        "supabase",
                        "SUPABASE_SECRET_KEY",
                        List.of(
                                "sb_secret_" + b64url(31, "fsb1"),
                                "sbp_" + hex(40, "fsb2"),
                                "sb_secret_" + b64url(31, "fsb3")),
                        List.of("sb_publishable_" + b64url(31, "fsb4"))),
                f(
                        "databricks",
                        "DATABRICKS_TOKEN",
                        List.of("dapi" + hex(32, "fdb1"), "dapi" + hex(32, "fdb2") + "-2", "dapi" + hex(32, "fdb3")),
                        List.of("dapi" + hex(16, "fdb4"))),
                f(
                        "openshift",
                        "OPENSHIFT_TOKEN",
                        List.of(
                                "sha256~" + b64url(43, "fos1"),
                                "sha256~" + b64url(43, "fos2"),
                                "sha256~" + b64url(43, "fos3")),
                        List.of("sha256:" + hex(64, "fos4"))),
                f(
                        "clickhouse",
                        "CLICKHOUSE_KEY_SECRET",
                        List.of("4b1d" + b62(38, "fch1"), "4b1d" + b62(38, "fch2"), "4b1d" + b62(38, "fch3")),
                        List.of("4b1d" + b62(10, "fch4"))),
                f(
                        "defined-networking",
                        "DN_API_KEY",
                        List.of(
                                "dnkey-" + b64url(26, "fdn1") + "-" + b64url(52, "fdn2"),
                                "dnkey-" + b64url(26, "fdn3") + "-" + b64url(52, "fdn4"),
                                "dnkey-" + b64url(26, "fdn5") + "-" + b64url(52, "fdn6")),
                        List.of("dnkey-" + b62(10, "fdn7"))),
                f(
                        "1password",
                        "OP_SERVICE_ACCOUNT_TOKEN",
                        List.of(
                                "ops_eyJ" + b64(300, "fop1"),
                                "A3-" + upper(6, "fop2") + "-" + upper(11, "fop3") + "-" + upper(5, "fop4") + "-"
                                        + upper(5, "fop5") + "-" + upper(5, "fop6"),
                                "ops_eyJ" + b64url(400, "fop7")),
                        List.of("A3-" + upper(6, "fop8"), "ops_handbook")),

                // --- messaging, e-mail, webhooks
                f(
                        "slack",
                        "SLACK_BOT_TOKEN",
                        List.of(
                                "xoxb-" + digits(12, "fsl1") + "-" + digits(13, "fsl2") + "-" + b62(24, "fsl3"),
                                "xapp-1-A" + chars(BASE32, 10, "fsl4") + "-" + digits(13, "fsl5") + "-"
                                        + hex(64, "fsl6"),
                                "https://hooks.slack.com/services/T" + chars(BASE32, 8, "fsl7") + "/B"
                                        + chars(BASE32, 10, "fsl8") + "/" + b62(24, "fsl9")),
                        List.of("https://hooks.slack.com/", "xoxb")),
                f(
                        "sendgrid",
                        "SENDGRID_API_KEY",
                        List.of(
                                "SG." + b64url(22, "fsgr1") + "." + b64url(43, "fsgr2"),
                                "SG." + b64url(22, "fsgr3") + "." + b64url(43, "fsgr4"),
                                "SG." + b64url(22, "fsgr5") + "." + b64url(43, "fsgr6")),
                        List.of("SG." + b62(10, "fsgr7") + "." + b62(10, "fsgr8"))),
                f(
                        "twilio",
                        "TWILIO_API_KEY",
                        List.of("SK" + hex(32, "ftw1"), "SK" + hex(32, "ftw2"), "SK" + hex(32, "ftw3")),
                        List.of("SK" + hex(20, "ftw4"), "AC" + hex(32, "ftw5"))),
                f(
                        "mailgun",
                        "MAILGUN_API_KEY",
                        List.of(
                                "key-" + hex(32, "fmg1"),
                                hex(32, "fmg2") + "-" + hex(8, "fmg3") + "-" + hex(8, "fmg4"),
                                "key-" + hex(32, "fmg5")),
                        List.of("key-" + hex(16, "fmg6"), "key-rotation-policy")),
                f(
                        "mailchimp",
                        "MAILCHIMP_API_KEY",
                        List.of(hex(32, "fmc1") + "-us6", hex(32, "fmc2") + "-us21", hex(32, "fmc3") + "-us14"),
                        List.of("list-us6", "us6")),
                f(
                        "brevo",
                        "BREVO_API_KEY",
                        List.of(
                                "xkeysib-" + hex(64, "fbr1") + "-" + b62(16, "fbr2"),
                                "xsmtpsib-" + hex(64, "fbr3") + "-" + b62(16, "fbr4"),
                                "xkeysib-" + hex(64, "fbr5") + "-" + b62(16, "fbr6")),
                        List.of("xkeysib-" + hex(20, "fbr7"))),
                f(
                        "telegram",
                        "TELEGRAM_BOT_TOKEN",
                        List.of(
                                digits(10, "ftg1") + ":AA" + b64url(33, "ftg2"),
                                digits(9, "ftg3") + ":AA" + b64url(33, "ftg4"),
                                "https://api.telegram.org/bot" + digits(10, "ftg5") + ":AA" + b64url(33, "ftg6")
                                        + "/sendMessage"),
                        List.of("https://api.telegram.org", "12:30", "10:AM")),
                f(
                        "discord-webhook",
                        "DISCORD_WEBHOOK_URL",
                        List.of(
                                "https://discord.com/api/webhooks/" + digits(19, "fdw1") + "/" + b64url(68, "fdw2"),
                                "https://discordapp.com/api/webhooks/" + digits(18, "fdw3") + "/" + b64url(68, "fdw4"),
                                "https://discord.com/api/v10/webhooks/" + digits(19, "fdw5") + "/"
                                        + b64url(68, "fdw6")),
                        List.of("https://discord.com/api/webhooks", "https://discord.com/invite/spectral")),
                f(
                        "teams-webhook",
                        "TEAMS_WEBHOOK_URL",
                        List.of(teams("ftm1"), teams("ftm2"), teams("ftm3")),
                        List.of("https://spectral.webhook.office.com/", "https://outlook.office.com/webhook")),
                f(
                        "zapier-webhook",
                        "ZAPIER_HOOK_URL",
                        List.of(
                                "https://hooks.zapier.com/hooks/catch/" + digits(7, "fz1") + "/" + lower(7, "fz2")
                                        + "/",
                                "https://hooks.zapier.com/hooks/catch/" + digits(8, "fz3") + "/" + lower(6, "fz4"),
                                "https://hooks.zapier.com/hooks/catch/" + digits(7, "fz5") + "/" + lower(7, "fz6")
                                        + "/"),
                        List.of("https://hooks.zapier.com/", "https://zapier.com/apps")),
                f(
                        "tines-webhook",
                        "TINES_WEBHOOK",
                        List.of(
                                "https://spectral.tines.com/webhook/" + lower(32, "fti1") + "/" + lower(32, "fti2"),
                                "https://acme-eu.tines.com/webhook/" + lower(32, "fti3") + "/" + lower(32, "fti4"),
                                "https://spectral.tines.com/webhook/" + lower(32, "fti5") + "/" + lower(32, "fti6")),
                        List.of("https://spectral.tines.com/")),
                f(
                        "ifttt-webhook",
                        "IFTTT_WEBHOOK",
                        List.of(
                                "https://maker.ifttt.com/trigger/deploy/with/key/" + b64url(22, "fif1"),
                                "https://maker.ifttt.com/trigger/alert/json/with/key/" + b64url(22, "fif2"),
                                "https://maker.ifttt.com/use/" + b64url(22, "fif3")),
                        List.of(
                                "https://maker.ifttt.com/trigger/deploy/with/key/",
                                "https://ifttt.com/maker_webhooks")),
                f(
                        "mattermost-webhook",
                        "MATTERMOST_HOOK",
                        List.of(
                                "https://chat.spectral.dev/hooks/" + lower(25, "fmt1") + "7",
                                "https://mm.example.org/hooks/" + lower(25, "fmt2") + "3",
                                "http://mattermost.internal:8065/hooks/" + lower(25, "fmt3") + "9"),
                        List.of(
                                "https://chat.spectral.dev/hooks/incoming",
                                "https://chat.spectral.dev/hooks/abcdefghijklmnopqrstuvwxyz")),
                f(
                        "netlify-build-hook",
                        "NETLIFY_BUILD_HOOK",
                        List.of(
                                "https://api.netlify.com/build_hooks/" + hex(24, "fnb1"),
                                "https://api.netlify.com/build_hooks/" + hex(24, "fnb2"),
                                "https://api.netlify.com/build_hooks/" + hex(24, "fnb3") + "?trigger_branch=main"),
                        List.of("https://api.netlify.com/api/v1/sites")),
                f(
                        "vercel-deploy-hook",
                        "VERCEL_DEPLOY_HOOK",
                        List.of(
                                "https://api.vercel.com/v1/integrations/deploy/prj_" + b62(28, "fvd1") + "/"
                                        + b62(10, "fvd2"),
                                "https://api.vercel.com/v1/integrations/deploy/prj_" + b62(28, "fvd3") + "/"
                                        + b62(10, "fvd4"),
                                "https://api.vercel.com/v1/integrations/deploy/prj_" + b62(28, "fvd5") + "/"
                                        + b62(10, "fvd6")),
                        List.of("https://api.vercel.com/v1/integrations")),

                // --- payments and commerce
                f(
                        "stripe",
                        "STRIPE_SECRET_KEY",
                        List.of("sk_live_" + b62(99, "fst1"), "rk_live_" + b62(99, "fst2"), "whsec_" + b62(32, "fst3")),
                        List.of("pk_live_" + b62(99, "fst4"), "sk_live_")),
                f(
                        "square",
                        "SQUARE_ACCESS_TOKEN",
                        List.of(
                                "EAAA" + b64url(60, "fsq1"),
                                "sq0atp-" + b64url(22, "fsq2"),
                                "sq0csp-" + b64url(43, "fsq3")),
                        List.of("EAAA" + b62(10, "fsq4"))),
                f(
                        "shopify",
                        "SHOPIFY_ACCESS_TOKEN",
                        List.of("shpat_" + hex(32, "fsh1"), "shpss_" + hex(32, "fsh2"), "shpca_" + hex(32, "fsh3")),
                        List.of("shpat_" + hex(16, "fsh4"))),
                f(
                        "shippo",
                        "SHIPPO_API_TOKEN",
                        List.of(
                                "shippo_live_" + hex(40, "fsp1"),
                                "shippo_test_" + hex(40, "fsp2"),
                                "shippo_live_" + hex(40, "fsp3")),
                        List.of("shippo_live_" + hex(10, "fsp4"))),
                f(
                        "easypost",
                        "EASYPOST_API_KEY",
                        List.of("EZAK" + b62(54, "fep1"), "EZTK" + b62(54, "fep2"), "EZAK" + b62(54, "fep3")),
                        List.of("EZAK" + b62(20, "fep4"))),
                f(
                        "duffel",
                        "DUFFEL_ACCESS_TOKEN",
                        List.of(
                                "duffel_live_" + b64url(43, "fdu1"),
                                "duffel_test_" + b64url(43, "fdu2"),
                                "duffel_live_" + b64url(43, "fdu3")),
                        List.of("duffel_live_" + b62(10, "fdu4"))),
                f(
                        "flutterwave",
                        "FLW_SECRET_KEY",
                        List.of(
                                "FLWSECK-" + chars("abcdefgh0123456789", 32, "ffw1") + "-X",
                                "FLWSECK_TEST-" + chars("abcdefgh0123456789", 32, "ffw2") + "-X",
                                "FLWSECK_TEST-" + chars("abcdefgh0123456789", 12, "ffw3")),
                        List.of("FLWPUBK-" + hex(32, "ffw4") + "-X")),
                f(
                        "plaid",
                        "PLAID_ACCESS_TOKEN",
                        List.of(
                                "access-production-" + uuid("fpl1"),
                                "access-sandbox-" + uuid("fpl2"),
                                "access-development-" + uuid("fpl3")),
                        List.of("access-production", "access-sandbox-docs")),
                f(
                        "facebook",
                        "FB_PAGE_TOKEN",
                        List.of("EAAC" + b62(120, "ffb1"), "EAAM" + b62(150, "ffb2"), "EAAC" + b62(180, "ffb3")),
                        List.of("EAAC" + b62(20, "ffb4"))),
                f(
                        "twitter",
                        "TWITTER_BEARER_TOKEN",
                        List.of(
                                "A".repeat(22) + b62(90, "ftx1"),
                                "A".repeat(22) + b62(100, "ftx2"),
                                "A".repeat(22) + b62(85, "ftx3")),
                        List.of("A".repeat(22))),
                f(
                        "dropbox",
                        "DROPBOX_TOKEN",
                        List.of(
                                "sl." + b64url(135, "fdr1"),
                                "sl." + b64url(140, "fdr2"),
                                b62(11, "fdr3") + "AAAAAAAAAA" + b64url(43, "fdr4")),
                        List.of("sl." + b62(20, "fdr5"))),

                // --- observability and feature flags
                f(
                        "sentry",
                        "SENTRY_AUTH_TOKEN",
                        List.of(
                                "sntrys_"
                                        + base64(
                                                        "{\"iat\":1700000000.1,\"url\":\"https://sentry.io\",\"region_url\":\"https://de.sentry.io\","
                                                                + "\"org\":\"spectral\"}")
                                                .replace("=", "")
                                        + "_" + b64(43, "fse1"),
                                "sntryu_" + hex(64, "fse2"),
                                "sntryu_" + hex(64, "fse3")),
                        List.of("sntryu_" + hex(20, "fse4"))),
                f(
                        "grafana",
                        "GRAFANA_SA_TOKEN",
                        List.of(
                                "glsa_" + b62(32, "fgr1") + "_" + hex(8, "fgr2"),
                                "glc_"
                                        + base64("{\"o\":\"712345\",\"n\":\"stack-1234\",\"k\":\"" + b62(24, "fgr3")
                                                        + "\"}")
                                                .replace("=", ""),
                                "eyJrIjoi" + b62(80, "fgr4")),
                        List.of("glsa_" + b62(10, "fgr5"))),
                f(
                        "new-relic",
                        "NEW_RELIC_API_KEY",
                        List.of("NRAK-" + upper(27, "fnr1"), "NRII-" + b64url(32, "fnr2"), "NRAK-" + upper(27, "fnr3")),
                        List.of("NRJS-" + hex(19, "fnr4"))),
                f(
                        "dynatrace",
                        "DT_API_TOKEN",
                        List.of(
                                "dt0c01." + upper(24, "fdt1") + "." + upper(64, "fdt2"),
                                "dt0c01." + upper(24, "fdt3") + "." + upper(64, "fdt4"),
                                "dt0c01." + upper(24, "fdt5") + "." + upper(64, "fdt6")),
                        List.of("dt0c01." + upper(10, "fdt7"))),
                f(
                        "posthog",
                        "POSTHOG_PERSONAL_API_KEY",
                        List.of("phx_" + b62(45, "fph1"), "phx_" + b62(43, "fph2"), "phx_" + b62(47, "fph3")),
                        List.of("phc_" + b62(43, "fph4"))),
                f(
                        "launchdarkly",
                        "LD_SDK_KEY",
                        List.of("sdk-" + uuid("fld1"), "api-" + uuid("fld2"), "sdk-" + uuid("fld3")),
                        List.of("mob-" + uuid("fld4"), "sdk-java")),

                // --- key files and identities
                f(
                        "private-key",
                        "TLS_KEY",
                        List.of(
                                pem("RSA PRIVATE KEY", "fpk1"),
                                pem("OPENSSH PRIVATE KEY", "fpk2"),
                                pem("PGP PRIVATE KEY BLOCK", "fpk3")),
                        List.of(pem("PUBLIC KEY", "fpk4"), pem("CERTIFICATE", "fpk5"))),
                f(
                        "der-private-key",
                        "JWT_SIGNING_KEY_DER",
                        List.of(
                                "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ" + b64(1500, "fdk1"),
                                "MHcCAQEEI" + b64(150, "fdk2"),
                                "MC4CAQAwBQYDK2VwBCIEI" + b64(40, "fdk3"),
                                "MIIJzwIBAzCCCYUGCSqGSIb3DQEHAaCC" + b64(2000, "fdk4"),
                                "b3BlbnNzaC1rZXktdjEAAAAA" + b64(300, "fdk5"),
                                "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg" + b64(120, "fdk6")),
                        List.of(
                                "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" + b64(300, "fdk7"),
                                "MIIC+TCCAeGgAwIBAgIUF5Mt62krUc" + b64(900, "fdk8"))),
                f(
                        "putty-key",
                        "DEPLOY_PPK",
                        List.of(putty("3", "fpp1"), putty("2", "fpp2"), putty("3", "fpp3")),
                        List.of("putty.exe", "PuTTY-User-Key-File")),
                f(
                        "age-key",
                        "SOPS_AGE_KEY",
                        List.of(
                                "AGE-SECRET-KEY-1" + chars(BECH32, 58, "fag1").toUpperCase(),
                                "AGE-SECRET-KEY-1" + chars(BECH32, 58, "fag2").toUpperCase(),
                                "# created: 2024-01-15\n# public key: age1" + chars(BECH32, 58, "fag3")
                                        + "\nAGE-SECRET-KEY-1"
                                        + chars(BECH32, 58, "fag4").toUpperCase() + "\n"),
                        List.of("age1" + chars(BECH32, 58, "fag5"), "AGE-SECRET-KEY-1")),
                f(
                        "wireguard-key",
                        "WG_CONF",
                        List.of(
                                "[Interface]\nPrivateKey = " + b64(42, "fwg1") + "A=\nAddress = 10.8.0.2/32\n",
                                "[Interface]\nPrivateKey=" + b64(42, "fwg2") + "E=\n",
                                "[Peer]\nPublicKey = " + b64(42, "fwg3") + "Q=\nPresharedKey = " + b64(42, "fwg4")
                                        + "g=\n"),
                        List.of(
                                "[Peer]\nPublicKey = " + b64(42, "fwg5") + "A=\nEndpoint = vpn.example.net:51820\n",
                                "PrivateKey = /etc/wireguard/private.key")),

                // --- connection strings, URLs, headers, encodings
                f(
                        "connection-string",
                        "AZURE_STORAGE_CONNECTION_STRING",
                        List.of(
                                "DefaultEndpointsProtocol=https;AccountName=spectralstore;AccountKey=" + b64(86, "fcs1")
                                        + "==;EndpointSuffix=core.windows.net",
                                "Endpoint=sb://spectral.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;"
                                        + "SharedAccessKey=" + b64(43, "fcs2") + "=",
                                "AccountEndpoint=https://spectral.documents.azure.com:443/;AccountKey="
                                        + b64(86, "fcs3") + "==;",
                                "Endpoint=https://spectral.azconfig.io;Id=" + b62(6, "fcs4") + ";Secret="
                                        + b64(43, "fcs5") + "=",
                                "Endpoint=https://spectral.service.signalr.net;AccessKey=" + b64(43, "fcs6")
                                        + "=;Version=1.0;"),
                        List.of(
                                "DefaultEndpointsProtocol=https;AccountName=spectralstore;EndpointSuffix=core.windows.net",
                                "InstrumentationKey=" + uuid("fcs7")
                                        + ";IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/",
                                "DefaultEndpointsProtocol=https;AccountName=spectralstore;AccountKey=${STORAGE_KEY};"
                                        + "EndpointSuffix=core.windows.net",
                                "Endpoint=sb://spectral.servicebus.windows.net/;Authentication=ManagedIdentity",
                                "UseDevelopmentStorage=true")),
                f(
                        "url-password",
                        "DATABASE_URL",
                        List.of(
                                "postgres://app:" + b62(24, "fup1") + "@db.internal:5432/app",
                                "spectral.redis.cache.windows.net:6380,password=" + b64(43, "fup2")
                                        + "=,ssl=True,abortConnect=False",
                                "Server=tcp:spectral.database.windows.net,1433;Initial Catalog=app;User ID=app;Password="
                                        + b62(20, "fup3") + ";Encrypt=True;",
                                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"svc\" password=\""
                                        + b64(40, "fup4") + "\";",
                                "<add key=\"ClearTextPassword\" value=\"" + b62(16, "fup5") + "\" />"),
                        List.of(
                                "postgres://app@db.internal:5432/app?sslmode=require",
                                "spectral.redis.cache.windows.net:6380,ssl=True,abortConnect=False",
                                "Server=tcp:spectral.database.windows.net,1433;Initial Catalog=app;Authentication=Active Directory Default;",
                                "postgres://app:${DB_PASSWORD}@db.internal:5432/app")),
                f(
                        "url-token",
                        "EXPORT_URL",
                        List.of(
                                "https://api.example.com/v1/export?access_token=" + b62(32, "fut1"),
                                "https://gitlab.example.com/api/v4/projects?private_token=" + b62(20, "fut2"),
                                "https://spectral-fn.azurewebsites.net/api/ingest?code=" + b64url(54, "fut3") + "==",
                                "https://chat.googleapis.com/v1/spaces/AAAA/messages?key=" + b62(39, "fut4") + "&token="
                                        + b62(20, "fut5")),
                        List.of(
                                "https://cdn.spectral.dev/img?key=hero-banner&w=1200",
                                "https://shop.spectral.dev/checkout?code=EUR",
                                "https://docs.spectral.dev/guide?page=auth-tokens#api-key",
                                "https://api.example.com/v1/export?access_token=${TOKEN}")),
                f(
                        "auth-header",
                        "EXTRA_HEADERS",
                        List.of(
                                "Authorization: Basic " + base64("ci-bot:" + b62(20, "fah1")),
                                "Authorization: Bearer " + b62(40, "fah2"),
                                "X-Api-Key: " + b62(32, "fah3"),
                                "Bearer " + b64url(40, "fah4")),
                        List.of(
                                "Authorization: Bearer ${API_TOKEN}",
                                "Bearer tokens expire after an hour",
                                "X-Api-Key",
                                "Authorization: Basic")),
                f(
                        "base64",
                        "KUBE_CLIENT_KEY_DATA",
                        List.of(
                                base64(pem("RSA PRIVATE KEY", "fb1")),
                                base64("{\n  \"type\": \"service_account\",\n  \"private_key\": \""
                                        + pem("PRIVATE KEY", "fb2").replace("\n", "\\n") + "\"\n}"),
                                base64(jwt("{\"sub\":\"billing\",\"exp\":2015000000}", "fb3")),
                                base64("postgres://app:" + b62(20, "fb4") + "@db.internal:5432/app")),
                        List.of(
                                base64("feature-flags-v2"),
                                base64(pem("PUBLIC KEY", "fb5")),
                                base64("Welcome to Spectral, the secrets lifecycle for builds!"))));
    }

    private static String teams(String label) {
        return "https://spectral.webhook.office.com/webhookb2/" + uuid(label + "a") + "@" + uuid(label + "b")
                + "/IncomingWebhook/" + hex(32, label + "c") + "/" + uuid(label + "d");
    }

    private static String putty(String version, String label) {
        return "PuTTY-User-Key-File-" + version
                + ": ssh-ed25519\nEncryption: none\nComment: deploy@ci\nPublic-Lines: 2\n"
                + b64(64, label + "a") + "\n" + b64(4, label + "b") + "\nPrivate-Lines: 1\n" + b64(44, label + "c")
                + "\nPrivate-MAC: " + hex(64, label + "d") + "\n";
    }
}

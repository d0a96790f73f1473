package dev.spectral.provision.verify.scan;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Credentials that a vendor issues in a distinctive shape: a prefix, a fixed length, a marker, or a URL whose
 * path holds the token. Each is a {@link PatternRule}: the value alone decides, whatever the key is called, so a
 * GitLab token under {@code SETTING_07} is found as surely as under {@code GITLAB_TOKEN}.
 *
 * <p>Every rule names its source: the vendor's documentation, or the open rule set it follows (gitleaks'
 * {@code config/gitleaks.toml}, secretlint's recommended preset, trufflehog's {@code pkg/detectors}). Only
 * shapes specific enough to stand without a key name are here; a rule set's patterns that need the vendor's
 * name next to a generic value (gitleaks' {@code algolia-api-key}: 32 characters after "algolia") are left to
 * the generic rule, which reads names.
 *
 * <p>A token must stand on its own: not preceded by a letter or digit, and not followed by one where its
 * length is fixed, so a prefix met inside a longer random string does not count.
 */
public final class TokenFormats {

    private static final String BEFORE = "(?<![A-Za-z0-9])";
    private static final String AFTER = "(?![A-Za-z0-9])";
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** API keys of AI and machine-learning services. */
    public static final List<PatternRule> AI = List.of(
            // gitleaks anthropic-api-key, anthropic-admin-api-key; Anthropic console key format
            token("anthropic", "Anthropic API key", "sk-ant-[a-z]+\\d{2}-[A-Za-z0-9_-]{20,}"),
            // gitleaks openai-api-key: project, service-account and admin keys, and the T3BlbkFJ marker
            // ("OpenAI" in base64) that every user key carries
            PatternRule.of(
                    "openai",
                    "OpenAI API key",
                    "\\bsk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,}|T3BlbkFJ",
                    "sk-",
                    "T3BlbkFJ"),
            // gitleaks gcp-api-key; Google Cloud docs "Manage API keys": keys start AIza, 39 characters
            token(
                    "google-api-key",
                    "Google API key (Gemini, Maps, Firebase and other Google APIs)",
                    "AIza[0-9A-Za-z_-]{35}"),
            // trufflehog xai
            token("xai", "xAI API key", "xai-[0-9A-Za-z_]{80}"),
            // trufflehog openrouter
            token("openrouter", "OpenRouter API key", "sk-or-v1-[0-9a-f]{64}"),
            // gitleaks perplexity-api-key
            token("perplexity", "Perplexity API key", "pplx-[A-Za-z0-9]{48}"),
            // secretlint @secretlint/secretlint-rule-groq; gitleaks has no rule
            token("groq", "Groq API key", "gsk_[A-Za-z0-9]{52}"),
            // gitleaks huggingface-access-token, huggingface-organization-api-token; secretlint huggingface
            token("huggingface", "Hugging Face token", "hf_[A-Za-z]{34}", "api_org_[A-Za-z]{34}"),
            // trufflehog replicate
            token("replicate", "Replicate API token", "r8_[0-9A-Za-z_-]{37}"),
            // trufflehog langsmith: personal tokens and service keys
            token("langsmith", "LangSmith API key", "lsv2_(?:pt|sk)_[0-9a-f]{32}_[0-9a-f]{10}"),
            // trufflehog langfuse: the secret half (pk-lf- is the public half)
            token("langfuse", "Langfuse secret key", "sk-lf-" + UUID),
            // trufflehog pinecone
            token("pinecone", "Pinecone API key", "pcsk_[A-Za-z0-9]{5,6}_[A-Za-z0-9]{63}"),
            // trufflehog elevenlabs (v2)
            token("elevenlabs", "ElevenLabs API key", "sk_[0-9a-f]{48}"));

    /** Code hosting, CI, package registries and developer tools. */
    public static final List<PatternRule> DEVELOPER = List.of(
            // gitleaks github-pat, github-oauth, github-app-token, github-refresh-token, github-fine-grained-pat;
            // GitHub docs "About authentication to GitHub" (token prefixes)
            PatternRule.of(
                    "github",
                    "GitHub token",
                    "\\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}\\b|\\bgithub_pat_[A-Za-z0-9_]{82,}\\b",
                    "gh",
                    "github_pat_"),
            // gitleaks gitlab-pat, -pat-routable, -deploy-token, -runner-authentication-token(-routable), -feed-token,
            // -scim-token, -feature-flag-client-token, -incoming-mail-token, -kubernetes-agent-token,
            // -oauth-app-secret, -ptt, -cicd-job-token, -rrt; GitLab docs "Token overview" (prefixes)
            token(
                    "gitlab",
                    "GitLab token",
                    "gl(?:pat|dt|rt|ft|soat|ffct|imt|agent|oas)-[0-9A-Za-z_-]{20}[0-9A-Za-z_.-]*",
                    "glptt-[0-9a-f]{40}",
                    "glcbt-[0-9A-Za-z]{1,5}_[0-9A-Za-z_-]{20}",
                    "GR1348941[0-9A-Za-z_-]{20}"),
            // gitleaks npm-access-token; secretlint npm
            token("npm", "npm access token", "npm_[A-Za-z0-9]{36}"),
            // gitleaks pypi-upload-token: a macaroon whose first bytes name pypi.org (or test.pypi.org)
            token(
                    "pypi",
                    "PyPI upload token",
                    "pypi-AgEIcHlwaS5vcmc[0-9A-Za-z_-]{50,}",
                    "pypi-AgENdGVzdC5weXBpLm9yZw[0-9A-Za-z_-]{50,}"),
            // gitleaks rubygems-api-token
            token("rubygems", "RubyGems API key", "rubygems_[0-9a-f]{48}"),
            // trufflehog nugetapikey (46 lower-case characters); NuGet.org keys start oy2
            token("nuget", "NuGet API key", "oy2[a-z0-9]{43}"),
            // gitleaks clojars-api-token
            token("clojars", "Clojars deploy token", "CLOJARS_[a-z0-9]{60}"),
            // secretlint docker (dckr_pat_); Docker docs "Organization access tokens" (dckr_oat_)
            token("dockerhub", "Docker Hub access token", "dckr_(?:pat|oat)_[0-9A-Za-z_-]{27,}"),
            // gitleaks artifactory-api-key, artifactory-reference-token
            token("jfrog", "JFrog Artifactory key or reference token", "AKCp[A-Za-z0-9]{69}", "cmVmd[A-Za-z0-9]{59}"),
            // trufflehog circleci (v2)
            token("circleci", "CircleCI personal API token", "CCIPAT_[A-Za-z0-9]{22}_[0-9a-fA-F]{40}"),
            // trufflehog buildkite (v2)
            token("buildkite", "Buildkite API token", "bkua_[a-z0-9]{40}"),
            // gitleaks sonar-api-token; SonarQube docs "Managing your tokens" (squ_ user, sqp_ project, sqa_ global)
            token("sonarqube", "SonarQube token", "sq[apu]_[0-9a-f]{40}"),
            // gitleaks sourcegraph-access-token
            token(
                    "sourcegraph",
                    "Sourcegraph access token",
                    "sgp_(?:[0-9a-f]{16}|local)_[0-9a-f]{40}",
                    "sgp_[0-9a-f]{40}"),
            // gitleaks postman-api-token
            token("postman", "Postman API key", "PMAK-[0-9a-f]{24}-[0-9a-f]{34}"),
            // gitleaks linear-api-key; secretlint linear
            token("linear", "Linear API key", "lin_api_[A-Za-z0-9]{40}"),
            // gitleaks notion-api-token, secretlint notion (ntn_); trufflehog notion (legacy secret_ + 43)
            token("notion", "Notion integration token", "ntn_[A-Za-z0-9]{40,}", "secret_[A-Za-z0-9]{43}"),
            // secretlint figma
            token("figma", "Figma personal access token", "figd_[0-9A-Za-z_-]{40,}"),
            // gitleaks airtable-personnal-access-token
            token("airtable", "Airtable personal access token", "pat[A-Za-z0-9]{14}\\.[0-9a-f]{64}"),
            // gitleaks atlassian-api-token (ATATT3); trufflehog atlassian v2 (ATCTT3)
            token(
                    "atlassian",
                    "Atlassian API token",
                    "ATATT3[A-Za-z0-9_=-]{186}",
                    "ATCTT3xFfG[A-Za-z0-9+/=_-]+=[A-Za-z0-9]{8}"),
            // gitleaks typeform-api-token
            token("typeform", "Typeform personal token", "tfp_[A-Za-z0-9_.=-]{59}"),
            // trufflehog contentfulpersonalaccesstoken
            token("contentful", "Contentful personal access token", "CFPAT-[A-Za-z0-9_-]{43}"),
            // gitleaks readme-api-token
            token("readme", "ReadMe API key", "rdme_[a-z0-9]{70}"),
            // gitleaks prefect-api-token
            token("prefect", "Prefect API key", "pnu_[A-Za-z0-9]{36}"),
            // gitleaks octopus-deploy-api-key
            token("octopus-deploy", "Octopus Deploy API key", "API-[A-Z0-9]{26}"),
            // gitleaks harness-api-key
            token(
                    "harness",
                    "Harness API key",
                    "pat\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{20}",
                    "sat\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{20}"),
            // gitleaks frameio-api-token
            token("frameio", "Frame.io API token", "fio-u-[A-Za-z0-9_=-]{64}"),
            // gitleaks adobe-client-secret
            token("adobe", "Adobe client secret", "p8e-[A-Za-z0-9]{32}"),
            // gitleaks infracost-api-token
            token("infracost", "Infracost API key", "ico-[A-Za-z0-9]{32}"),
            // gitleaks maxmind-license-key
            token("maxmind", "MaxMind license key", "[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk"));

    /** Cloud providers, hosting and infrastructure. */
    public static final List<PatternRule> CLOUD = List.of(
            // gitleaks aws-access-token; AWS IAM docs "Unique identifier prefixes" (AKIA long-term, ASIA temporary);
            // gitleaks aws-amazon-bedrock-api-key-long-lived (ABSK)
            token(
                    "aws",
                    "AWS access key id or Bedrock API key",
                    "AKIA[A-Z2-7]{16}",
                    "ASIA[A-Z2-7]{16}",
                    "ABIA[A-Z2-7]{16}",
                    "ACCA[A-Z2-7]{16}",
                    "ABSK[A-Za-z0-9+/]{109,269}={0,2}"),
            // OAuth client secrets as Google Cloud console issues them since 2021 (GOCSPX- and 28 characters, the
            // client_secret of client_secret.json); trufflehog googleoauth2 (ya29. access tokens)
            token(
                    "google-oauth",
                    "Google OAuth client secret or access token",
                    "GOCSPX-[A-Za-z0-9_-]{28}",
                    "ya29\\.[A-Za-z0-9_-]{20,}"),
            // gitleaks azure-ad-client-secret; trufflehog azure_entra (service principal secret)
            PatternRule.of(
                    "azure-ad",
                    "Microsoft Entra ID (Azure AD) client secret",
                    "(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])",
                    "Q~"),
            // trufflehog azurecontainerregistry (admin password)
            token(
                    "azure-container-registry",
                    "Azure Container Registry password",
                    "[A-Za-z0-9+/]{42}\\+ACR[A-Za-z0-9]{6}"),
            // gitleaks cloudflare-origin-ca-key; secretlint cloudflare (cfk_ cfut_ cfat_); Cloudflare docs
            // "API token formats"
            token(
                    "cloudflare",
                    "Cloudflare API token or Origin CA key",
                    "cf(?:k|ut|at)_[A-Za-z0-9_-]{20,}",
                    "v1\\.0-[0-9a-f]{24}-[0-9a-f]{146}"),
            // gitleaks digitalocean-pat, -access-token, -refresh-token
            token("digitalocean", "DigitalOcean token", "do[opr]_v1_[0-9a-f]{64}"),
            // gitleaks alibaba-access-key-id
            token("alibaba", "Alibaba Cloud access key id", "LTAI[A-Za-z0-9]{20}"),
            // gitleaks vault-service-token, vault-batch-token; secretlint hashicorp-vault (hvs. hvb. hvr.);
            // Vault docs "Tokens" (a service token is hvs. and at least 24 characters)
            token("hashicorp-vault", "HashiCorp Vault token", "hv[sbr]\\.[0-9A-Za-z_-]{24,}"),
            // gitleaks hashicorp-tf-api-token; trufflehog terraformcloudpersonaltoken
            token(
                    "terraform-cloud",
                    "HCP Terraform (Terraform Cloud) API token",
                    "[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}"),
            // gitleaks pulumi-api-token
            token("pulumi", "Pulumi access token", "pul-[0-9a-f]{40}"),
            // gitleaks doppler-api-token; trufflehog doppler (personal, CLI, service, service-account, SCIM, audit)
            token(
                    "doppler",
                    "Doppler token",
                    "dp\\.(?:ct|pt|st(?:\\.[a-z0-9_-]{2,35})?|sa|scim|audit)\\.[A-Za-z0-9]{40,44}"),
            // gitleaks flyio-access-token
            token(
                    "fly",
                    "Fly.io access token",
                    "fo1_[0-9A-Za-z_-]{43}",
                    "fm1[ar]_[A-Za-z0-9+/]{100,}={0,3}",
                    "fm2_[A-Za-z0-9+/]{100,}={0,3}"),
            // gitleaks heroku-api-key-v2
            token("heroku", "Heroku API key", "HRKU-AA[0-9A-Za-z_-]{58}"),
            // trufflehog netlify (v2)
            token("netlify", "Netlify personal access token", "nfp_[A-Za-z0-9_]{36}"),
            // secretlint vercel
            token("vercel", "Vercel token", "vc[piark]_[A-Za-z0-9]{20,60}"),
            // secretlint tailscale; trufflehog tailscale
            token("tailscale", "Tailscale key", "tskey-[a-z]{2,20}-[0-9A-Za-z_]{8,40}-[0-9A-Za-z_]{16,60}"),
            // gitleaks planetscale-api-token, -oauth-token, -password
            token("planetscale", "PlanetScale token or password", "pscale_(?:tkn|oauth|pw)_[A-Za-z0-9_=.-]{32,64}"),
            // gitleaks supabase (none); Supabase docs "API keys" (sb_secret_); trufflehog supabasetoken (sbp_)
            token("supabase", "Supabase secret key", "sb_secret_[A-Za-z0-9_-]{10,}", "sbp_[A-Za-z0-9_]{20,}"),
            // gitleaks databricks-api-token; secretlint databricks
            token("databricks", "Databricks access token", "dapi[0-9a-f]{32}(?:-\\d)?"),
            // gitleaks openshift-user-token
            PatternRule.of(
                    "openshift", "OpenShift user token", "\\bsha256~[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])", "sha256~"),
            // gitleaks clickhouse-cloud-api-secret-key
            token("clickhouse", "ClickHouse Cloud API secret", "4b1d[A-Za-z0-9]{38}"),
            // gitleaks defined-networking-api-token
            token("defined-networking", "Defined Networking API token", "dnkey-[A-Za-z0-9_=-]{26}-[A-Za-z0-9_=-]{52}"),
            // gitleaks 1password-service-account-token, 1password-secret-key; secretlint 1password
            PatternRule.of(
                    "1password",
                    "1Password service-account token or account secret key",
                    "\\bops_eyJ[A-Za-z0-9+/_=-]{20,}|\\bA3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})"
                            + "-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}\\b",
                    "ops_eyJ",
                    "A3-"));

    /** Messaging, e-mail and notification services, and their webhook URLs. */
    public static final List<PatternRule> MESSAGING = List.of(
            // gitleaks slack-*-token, slack-webhook-url; secretlint slack; Slack docs "Token types"
            PatternRule.of(
                    "slack",
                    "Slack token or webhook",
                    "\\bxox[abeoprs]-[A-Za-z0-9-]{10,}|\\bxoxe\\.[A-Za-z0-9.-]{10,}|\\bxapp-[A-Za-z0-9-]{10,}"
                            + "|hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9/_-]+",
                    "xox",
                    "xapp-",
                    "hooks.slack.com/"),
            // gitleaks sendgrid-api-token; secretlint sendgrid
            token("sendgrid", "SendGrid API key", "SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}"),
            // gitleaks twilio-api-key; Twilio docs "API keys" (SK and 32 hex digits)
            token("twilio", "Twilio API key", "SK[0-9a-fA-F]{32}"),
            // trufflehog mailgun ("Key-MailGun Token", "Hex MailGun Token")
            token("mailgun", "Mailgun API key", "key-[0-9a-f]{32}", "[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}"),
            // gitleaks mailchimp-api-key; Mailchimp docs: the key ends with the data centre (-us6)
            token("mailchimp", "Mailchimp API key", "[0-9a-f]{32}-us\\d{1,2}"),
            // gitleaks sendinblue-api-token (xkeysib-); Brevo docs "SMTP keys" (xsmtpsib-)
            token(
                    "brevo",
                    "Brevo (Sendinblue) API or SMTP key",
                    "xkeysib-[0-9a-f]{64}-[A-Za-z0-9]{16}",
                    "xsmtpsib-[0-9a-f]{64}-[A-Za-z0-9]{16}"),
            // gitleaks telegram-bot-api-token (without its "telegram" keyword: the shape is specific);
            // Telegram Bot API docs: a token is the bot's id, a colon and 35 characters; also in /bot<token>/ URLs
            PatternRule.of(
                    "telegram",
                    "Telegram bot token",
                    "(?<![A-Za-z0-9])(?:bot)?\\d{5,16}:A[A-Za-z0-9_-]{34}(?![A-Za-z0-9_-])",
                    ":A"),
            // trufflehog discordwebhook; Discord docs "Webhook resource" (id and token in the path)
            PatternRule.of(
                    "discord-webhook",
                    "Discord webhook URL (its token is in the path)",
                    "discord(?:app)?\\.com/api/(?:v\\d+/)?webhooks/\\d{17,20}/[A-Za-z0-9_-]{60,}",
                    "webhooks/"),
            // gitleaks microsoft-teams-webhook (Office 365 connector URLs)
            PatternRule.of(
                    "teams-webhook",
                    "Microsoft Teams incoming webhook URL",
                    "\\.webhook\\.office\\.com/webhookb2/" + UUID + "@" + UUID + "/IncomingWebhook/[0-9a-f]{32}/"
                            + UUID,
                    ".webhook.office.com/"),
            // trufflehog zapierwebhook
            PatternRule.of(
                    "zapier-webhook",
                    "Zapier webhook URL",
                    "hooks\\.zapier\\.com/hooks/catch/\\d+/[A-Za-z0-9]{5,}",
                    "hooks.zapier.com/"),
            // trufflehog tineswebhook
            PatternRule.of(
                    "tines-webhook",
                    "Tines webhook URL",
                    "\\.tines\\.com/webhook/[a-z0-9]{32}/[a-z0-9]{32}",
                    ".tines.com/"),
            // IFTTT docs "Webhooks service": maker.ifttt.com/trigger/{event}/with/key/{key} and /use/{key}
            PatternRule.of(
                    "ifttt-webhook",
                    "IFTTT Webhooks key in a URL",
                    "maker\\.ifttt\\.com/(?:trigger/[^/\\s]+/(?:json/)?with/key|use)/[A-Za-z0-9_-]{16,}",
                    "maker.ifttt.com/"),
            // Mattermost docs "Incoming webhooks": https://<server>/hooks/<26-character id>
            PatternRule.of(
                    "mattermost-webhook",
                    "Mattermost incoming webhook URL",
                    "(?i)\\bhttps?://[^/\\s]+/hooks/(?=[a-z]*\\d)(?=\\d*[a-z])[a-z0-9]{26}(?![A-Za-z0-9])",
                    "/hooks/"),
            // Netlify docs "Build hooks": https://api.netlify.com/build_hooks/<id>
            PatternRule.of(
                    "netlify-build-hook",
                    "Netlify build hook URL",
                    "api\\.netlify\\.com/build_hooks/[0-9a-f]{24}",
                    "api.netlify.com/"),
            // Vercel docs "Deploy hooks": https://api.vercel.com/v1/integrations/deploy/<project>/<id>
            PatternRule.of(
                    "vercel-deploy-hook",
                    "Vercel deploy hook URL",
                    "api\\.vercel\\.com/v1/integrations/deploy/prj_[A-Za-z0-9]+/[A-Za-z0-9]{8,}",
                    "api.vercel.com/"));

    /** Payments and commerce. */
    public static final List<PatternRule> COMMERCE = List.of(
            // gitleaks stripe-access-token; Stripe docs "API keys" (secret and restricted keys, webhook secrets)
            token(
                    "stripe",
                    "Stripe secret key",
                    "sk_(?:live|test|prod)_[A-Za-z0-9]{10,}",
                    "rk_(?:live|test|prod)_[A-Za-z0-9]{10,}",
                    "whsec_[A-Za-z0-9+/=]{20,}"),
            // gitleaks square-access-token; trufflehog square (sq0csp- application secret)
            token(
                    "square",
                    "Square access token or application secret",
                    "EAAA[0-9A-Za-z_-]{22,60}",
                    "sq0atp-[0-9A-Za-z_-]{22,60}",
                    "sq0csp-[0-9A-Za-z_-]{43}"),
            // gitleaks shopify-access-token, -custom-access-token, -private-app-access-token, -shared-secret
            token("shopify", "Shopify access token or shared secret", "shp(?:at|ca|pa|ss)_[0-9a-fA-F]{32}"),
            // gitleaks shippo-api-token
            token("shippo", "Shippo API token", "shippo_(?:live|test)_[0-9a-fA-F]{40}"),
            // gitleaks easypost-api-token, easypost-test-api-token
            token("easypost", "EasyPost API key", "EZ[AT]K[A-Za-z0-9]{54}"),
            // gitleaks duffel-api-token
            token("duffel", "Duffel API token", "duffel_(?:test|live)_[A-Za-z0-9_=-]{43}"),
            // gitleaks flutterwave-secret-key, flutterwave-encryption-key (live keys have no _TEST)
            token(
                    "flutterwave",
                    "Flutterwave secret or encryption key",
                    "FLWSECK(?:_TEST)?-[a-h0-9]{32}-X",
                    "FLWSECK(?:_TEST)?-[a-h0-9]{12}"),
            // gitleaks plaid-api-token (without its "plaid" keyword)
            token("plaid", "Plaid access token", "access-(?:sandbox|development|production)-" + UUID),
            // gitleaks facebook-page-access-token
            token("facebook", "Facebook access token", "EAA[MC][A-Za-z0-9]{100,}"),
            // gitleaks twitter-bearer-token (without its keyword: 22 A's start every app-only token)
            token("twitter", "X (Twitter) bearer token", "A{22}[A-Za-z0-9%]{80,100}"),
            // gitleaks dropbox-short-lived-api-token, dropbox-long-lived-api-token
            token(
                    "dropbox",
                    "Dropbox access token",
                    "sl\\.[A-Za-z0-9_=-]{130,}",
                    "[A-Za-z0-9]{11}AAAAAAAAAA[A-Za-z0-9_=-]{43}"));

    /** Monitoring, analytics and feature-flag services: the secret keys (their public keys are in PublicValues). */
    public static final List<PatternRule> OBSERVABILITY = List.of(
            // gitleaks sentry-org-token, sentry-user-token; Sentry docs "Auth tokens"
            token("sentry", "Sentry auth token", "sntrys_eyJ[A-Za-z0-9+/=_]{40,}", "sntryu_[0-9a-f]{64}"),
            // gitleaks grafana-api-key, grafana-cloud-api-token, grafana-service-account-token; secretlint grafana
            token(
                    "grafana",
                    "Grafana token",
                    "glc_[A-Za-z0-9+/]{32,400}={0,2}",
                    "glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}",
                    "eyJrIjoi[A-Za-z0-9]{70,400}={0,2}"),
            // gitleaks new-relic-user-api-key, new-relic-insert-key
            token("new-relic", "New Relic user or insert key", "NRAK-[A-Z0-9]{27}", "NRII-[A-Za-z0-9_-]{32}"),
            // gitleaks dynatrace-api-token
            token("dynatrace", "Dynatrace API token", "dt0c01\\.[A-Z0-9]{24}\\.[A-Z0-9]{64}"),
            // trufflehog posthog: the personal key (phx_); the project key phc_ is public
            token("posthog", "PostHog personal API key", "phx_[A-Za-z0-9_]{43,48}"),
            // trufflehog launchdarkly; LaunchDarkly docs "SDK credentials": SDK keys (sdk-) are secret, mobile keys
            // (mob-) and client-side ids are not
            token("launchdarkly", "LaunchDarkly SDK key or access token", "api-" + UUID, "sdk-" + UUID));

    private TokenFormats() {}

    /** Every format rule, in the order above. */
    public static List<PatternRule> all() {
        return java.util.stream.Stream.of(AI, DEVELOPER, CLOUD, MESSAGING, COMMERCE, OBSERVABILITY)
                .flatMap(List::stream)
                .toList();
    }

    /**
     * A rule for tokens standing on their own: any of the alternatives, not inside a longer word. When every
     * alternative starts with literal text of two characters or more, those are the rule's keywords.
     */
    private static PatternRule token(String id, String description, String... alternatives) {
        String any = Arrays.stream(alternatives).collect(Collectors.joining("|", "(?:", ")"));
        List<String> prefixes =
                Arrays.stream(alternatives).map(PatternRule::literalPrefix).toList();
        String[] keywords =
                prefixes.stream().allMatch(p -> p.length() >= 2) ? prefixes.toArray(String[]::new) : new String[0];
        return PatternRule.of(id, description, BEFORE + any + AFTER, keywords);
    }
}

package dev.spectral.provision.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildEnvironmentTest {

    @Test
    void keepsWhatOpAndGhNeedAndDropsTheRest() {
        Map<String, String> parent = new HashMap<>();
        parent.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        parent.put("HOME", "/home/dev");
        parent.put("LANG", "en_US.UTF-8");
        parent.put("LC_ALL", "C.UTF-8");
        parent.put("XDG_CONFIG_HOME", "/home/dev/.config");
        parent.put("OP_SERVICE_ACCOUNT_TOKEN", "ops_eyJfake");
        parent.put("GH_TOKEN", "ghp_fake");
        parent.put("GITHUB_STEP_SUMMARY", "/tmp/summary.md");
        parent.put("https_proxy", "http://proxy:3128");
        parent.put("AWS_SECRET_ACCESS_KEY", "aws-secret");
        parent.put("MAVEN_OPTS", "-Xmx1g");
        parent.put("JAVA_HOME", "/usr/lib/jvm/java-17");
        parent.put("GH_DEBUG", "api");

        Map<String, String> expected = new HashMap<>(parent);
        expected.remove("AWS_SECRET_ACCESS_KEY");
        expected.remove("MAVEN_OPTS");
        expected.remove("JAVA_HOME");
        expected.remove("GH_DEBUG");

        assertEquals(expected, ChildEnvironment.from(parent));
    }

    @Test
    void dropsGhDebugWhateverItsCase() {
        assertEquals(
                Map.of("GH_HOST", "github.com"),
                ChildEnvironment.from(Map.of("gh_debug", "api", "GH_DEBUG", "1", "GH_HOST", "github.com")));
    }

    @Test
    void doesNotKeepNamesThatOnlyLookLikeAKeptPrefix() {
        assertEquals(
                Map.of(),
                ChildEnvironment.from(Map.of(
                        "OPENAI_API_KEY", "sk-proj-fake",
                        "GHOST_TOKEN", "x",
                        "LCX", "y",
                        "PATHS", "z")));
    }

    @Test
    void keepsValuesUnchanged() {
        Map<String, String> parent =
                Map.of("OP_CONNECT_TOKEN", " spaces = and \"quotes\" ", "no_proxy", "localhost,.internal");

        assertEquals(parent, ChildEnvironment.from(parent));
    }
}

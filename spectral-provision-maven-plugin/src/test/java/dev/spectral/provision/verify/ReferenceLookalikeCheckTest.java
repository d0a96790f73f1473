package dev.spectral.provision.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.Finding;
import dev.spectral.provision.testing.Configs;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReferenceLookalikeCheckTest {

    private static List<Finding> check(String tomlValue) {
        Config config = Configs.valid("[production]\nKEY = " + tomlValue + "\n");
        return new ReferenceLookalikeCheck().check(config, Settings.defaults());
    }

    private static Finding only(String tomlValue) {
        List<Finding> findings = check(tomlValue);
        assertEquals(1, findings.size(), tomlValue + " gave " + findings);
        Finding finding = findings.get(0);
        assertTrue(finding.isError());
        assertEquals("reference-lookalike", finding.rule());
        assertEquals("production", finding.environment().orElseThrow());
        assertEquals("KEY", finding.key().orElseThrow());
        assertEquals(2, finding.position().line());
        return finding;
    }

    // A value that starts with op: (trailing spaces, a misspelt op:/ or op: //) is parsed as a reference
    // and refused by the parser already; these are the ones that would pass as literals.
    @ParameterizedTest
    @ValueSource(
            strings = {
                "\" op://Spectral/db/password\"",
                "\"\\top://Spectral/db/password\"",
                "'\"op://Spectral/db/password\"'",
                "\"'op://Spectral/db/password'\"",
                "\"<op://Spectral/db/password>\"",
                "\"\u201Cop://Spectral/db/password\u201D\"",
                "\"\\u200Bop://Spectral/db/password\"",
                "\"\\uFEFFop://Spectral/db/password\"",
                "\"\uFF4F\uFF50://Spectral/db/password\"",
                "\"op\uFF1A//Spectral/db/password\"",
            })
    void aReferenceWithSomethingAroundItIsNoReference(String value) {
        Finding finding = only(value);
        assertTrue(finding.message().contains("1Password reference with"), finding.message());
        assertTrue(finding.fix().startsWith("write exactly op://"), finding.fix());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"{{ op://Spectral/db/password }}\"",
                "\"${{ op://Spectral/db/password }}\"",
                "\"$(op read op://Spectral/db/password)\"",
                "\"`op read op://Spectral/db/password`\"",
                "\"op read op://Spectral/db/password\"",
            })
    void templatesAndCommandsAreNotExpanded(String value) {
        assertTrue(only(value).message().contains("template or command"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"op//Spectral/db/password\"",
                "\"op;//Spectral/db/password\"",
                "\"0p://Spectral/db/password\"",
                "\"1password://Spectral/db/password\"",
                "\"onepassword://Spectral/db/password\"",
            })
    void misspeltSchemes(String value) {
        assertTrue(only(value).message().contains("misspelt scheme"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"postgres://app:op://Spectral/db/password@db.internal:5432/app\"",
                "\"Bearer op://Spectral/api/token\"",
                "\"op%3A%2F%2FSpectral%2Fdb%2Fpassword\"",
            })
    void aReferenceInsideALongerValueIsNotResolved(String value) {
        Finding finding = only(value);
        assertTrue(finding.message().contains("inside a longer value"), finding.message());
        assertTrue(finding.fix().contains("store the whole value"), finding.fix());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"${{ secrets.DATABASE_URL }}\"", "\"${{vars.REGION}}\""})
    void gitHubActionsExpressionsAreNotEvaluated(String value) {
        assertTrue(only(value).message().contains("GitHub Actions expression"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"production\"",
                "\"https://developer.1password.com/docs/cli/secret-reference-syntax\"",
                "\"shop://catalog/items\"",
                "\"op/bin/tool\"",
                "\"operations\"",
                "\"arn:aws:secretsmanager:eu-west-1:123456789012:secret:app-db\"",
                "\"${HOME}/data\"",
                "\"{{ .Values.region }}\"",
            })
    void ordinaryLiteralsAreLeftAlone(String value) {
        assertEquals(List.of(), check(value));
    }

    @org.junit.jupiter.api.Test
    void aRealReferenceIsNoLiteralAndIsLeftAlone() {
        assertEquals(List.of(), check("\"op://Spectral/db/password\""));
    }
}

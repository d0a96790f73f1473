package dev.spectral.provision.onepassword;

import static dev.spectral.provision.testing.References.ref;
import static dev.spectral.provision.testing.ScriptedRunner.exit;
import static dev.spectral.provision.testing.ScriptedRunner.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spectral.provision.config.OpReference;
import dev.spectral.provision.process.Command;
import dev.spectral.provision.secret.Redactor;
import dev.spectral.provision.secret.SecretValue;
import dev.spectral.provision.testing.ScriptedRunner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpCliItemTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOT_SIGNED_IN = "[ERROR] 2026/11/28 11:00:00 account is not signed in\n";

    /** As {@code op item get anthropic --vault Spectral --format json --reveal} prints it. */
    private static final String ITEM_JSON = """
            {"id":"k2hx7qzt5mvbl3lwfaxk4yqa2e","title":"anthropic","version":12,
             "vault":{"id":"vlt0000000000000000000000a","name":"Spectral"},"category":"API_CREDENTIAL",
             "created_at":"2025-01-02T03:04:05Z","updated_at":"2025-06-07T08:09:10Z",
             "fields":[
               {"id":"username","type":"STRING","label":"username","value":"ci-bot-account"},
               {"id":"credential","type":"CONCEALED","label":"credential","value":"sk-ant-api03-item-value",
                "reference":"op://Spectral/anthropic/credential"},
               {"id":"x9fj2","type":"CONCEALED","label":"previous","value":"-----BEGIN KEY-----\\nMIIEvQIBADANBgkq\\n-----END KEY-----",
                "section":{"id":"s1","label":"history"}},
               {"id":"notesPlain","type":"STRING","purpose":"NOTES","label":"notesPlain"}]}
            """;

    private final Redactor redactor = new Redactor();
    private final ScriptedRunner runner = new ScriptedRunner();
    private final OpCli op = new OpCli(runner, "op", Duration.ofSeconds(30), redactor);

    OpCliItemTest() {
        runner.on(List.of("op", "--version"), c -> ok("2.30.3\n"));
    }

    private static ObjectNode parse(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    private static ObjectNode stdinJson(Command command) throws Exception {
        return parse(
                new String(command.stdin().orElseThrow(() -> new AssertionError("no stdin")), StandardCharsets.UTF_8));
    }

    private static final OpReference CREDENTIAL = ref("op://Spectral/anthropic/credential");
    private static final OpReference WEBHOOK = ref("op://Spectral/webhook/signing/secret");

    private SecretValue secret(String value) {
        return SecretValue.of(value, redactor);
    }

    // ---- version ----------------------------------------------------------------------------

    @Test
    void versionRunsOpItemGetWithJsonAndRevealAndAClosedStdin() throws Exception {
        runner.on(List.of("op", "item", "get"), c -> ok(ITEM_JSON));

        assertEquals(Optional.of(12L), op.version(CREDENTIAL));

        List<Command> gets = runner.commands("op", "item", "get");
        assertEquals(1, gets.size());
        assertEquals(
                List.of("op", "item", "get", "anthropic", "--vault", "Spectral", "--format", "json", "--reveal"),
                gets.get(0).argv());
        assertTrue(gets.get(0).stdin().isEmpty(), "no stdin for a read: op could wait on an open pipe");
    }

    @Test
    void readingAnItemRegistersItsConcealedValuesWithTheRedactor() throws Exception {
        runner.on(List.of("op", "item", "get"), c -> ok(ITEM_JSON));

        op.version(CREDENTIAL);

        assertEquals("value *** end", redactor.redact("value sk-ant-api03-item-value end"));
        assertEquals("pem line ***", redactor.redact("pem line MIIEvQIBADANBgkq"));
    }

    @Test
    void versionIsEmptyWhenTheVaultHasNoSuchItem() throws Exception {
        runner.on(
                List.of("op", "item", "get"),
                c -> exit(
                        1,
                        "[ERROR] 2026/11/28 11:00:00 \"webhook\" isn't an item in the \"Spectral\" vault. "
                                + "Specify the item with its UUID, name, or domain.\n"));

        assertEquals(Optional.empty(), op.version(WEBHOOK));
    }

    @Test
    void versionFailsWhenTheVaultDoesNotExist() {
        runner.on(
                List.of("op", "item", "get"),
                c -> exit(
                        1,
                        "[ERROR] 2026/11/28 11:00:00 \"Spectrl\" isn't a vault in this account. "
                                + "Specify the vault with its ID or name.\n"));

        OnePasswordException e =
                assertThrows(OnePasswordException.class, () -> op.version(ref("op://Spectrl/anthropic/credential")));

        assertTrue(e.getMessage().contains("reading item anthropic in vault Spectrl failed"), e.getMessage());
        assertTrue(e.getMessage().contains("isn't a vault"), e.getMessage());
    }

    @Test
    void readingExplainsHowToSignIn() {
        runner.on(List.of("op", "item", "get"), c -> exit(1, NOT_SIGNED_IN));

        OnePasswordException e = assertThrows(OnePasswordException.class, () -> op.version(CREDENTIAL));

        assertTrue(e.getMessage().contains("op signin"), e.getMessage());
        assertTrue(e.getMessage().contains("OP_SERVICE_ACCOUNT_TOKEN"), e.getMessage());
    }

    @Test
    void readingRefusesOutputThatIsNotAnItem() {
        runner.on(List.of("op", "item", "get"), c -> ok("[1, 2]"));

        OnePasswordException e = assertThrows(OnePasswordException.class, () -> op.version(CREDENTIAL));

        assertTrue(e.getMessage().contains("anthropic"), e.getMessage());
    }

    @Test
    void readingRefusesOutputThatIsNotJsonWithoutQuotingIt() {
        runner.on(List.of("op", "item", "get"), c -> ok("{\"value\":\"sk-ant-half-printed"));

        OnePasswordException e = assertThrows(OnePasswordException.class, () -> op.version(CREDENTIAL));

        assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
        assertFalse(e.getMessage().contains("sk-ant-half-printed"), e.getMessage());
    }

    // ---- write: an existing item ------------------------------------------------------------

    @Test
    void writePipesTheWholeItemWithTheNewValueToOpItemEditAndPutsNoValueOnArgv() throws Exception {
        runner.on(List.of("op", "item", "get"), c -> ok(ITEM_JSON));
        runner.on(List.of("op", "item", "edit"), c -> ok("{\"id\":\"k2hx7qzt5mvbl3lwfaxk4yqa2e\",\"version\":13}"));

        long version = op.write(CREDENTIAL, secret("sk-ant-api03-NEW-rotated"), Optional.of(12L));

        assertEquals(13, version, "the version op printed after the edit");
        List<Command> edits = runner.commands("op", "item", "edit");
        assertEquals(1, edits.size());
        assertEquals(
                List.of("op", "item", "edit", "k2hx7qzt5mvbl3lwfaxk4yqa2e", "--vault", "Spectral", "--format", "json"),
                edits.get(0).argv());
        ObjectNode expected = parse(ITEM_JSON);
        ((ObjectNode) expected.withArray("fields").get(1)).put("value", "sk-ant-api03-NEW-rotated");
        assertEquals(expected, stdinJson(edits.get(0)), "the whole item, only the target field changed");
        for (String arg : edits.get(0).argv()) {
            assertFalse(arg.contains("sk-ant-api03"), arg);
            assertFalse(arg.contains("="), "no assignment statement on argv: " + arg);
        }
        assertEquals(
                "***",
                redactor.redact("sk-ant-api03-NEW-rotated"),
                "the new value is masked from the moment it is sent");
    }

    @Test
    void writeChecksTheVersionAndWritesNothingWhenTheItemChanged() {
        runner.on(List.of("op", "item", "get"), c -> ok(ITEM_JSON));

        ItemChangedException e = assertThrows(
                ItemChangedException.class,
                () -> op.write(CREDENTIAL, secret("sk-ant-api03-NEW-rotated"), Optional.of(11L)));

        assertEquals(Optional.of(11L), e.expected());
        assertEquals(Optional.of(12L), e.actual());
        assertEquals(List.of(), runner.commands("op", "item", "edit"));
        assertEquals(List.of(), runner.commands("op", "item", "create"));
    }

    @Test
    void aFailedEditNamesTheStepAndMasksTheValueOpEchoed() {
        runner.on(List.of("op", "item", "get"), c -> ok(ITEM_JSON));
        runner.on(
                List.of("op", "item", "edit"),
                c -> exit(
                        1,
                        "[ERROR] 2026/11/28 11:00:00 validation failed: field value sk-ant-api03-NEW-rotated is too long\n"));

        OnePasswordException e = assertThrows(
                OnePasswordException.class,
                () -> op.write(CREDENTIAL, secret("sk-ant-api03-NEW-rotated"), Optional.of(12L)));

        assertTrue(e.getMessage().startsWith("write item anthropic in vault Spectral failed: "), e.getMessage());
        assertTrue(e.getMessage().contains("validation failed"), e.getMessage());
        assertFalse(e.getMessage().contains("sk-ant-api03-NEW-rotated"), e.getMessage());
        assertFalse(e.getMessage().contains("[ERROR]"), e.getMessage());
    }

    @Test
    void anEditWhileSignedOutExplainsHowToSignIn() {
        runner.on(List.of("op", "item", "get"), c -> ok(ITEM_JSON));
        runner.on(List.of("op", "item", "edit"), c -> exit(1, NOT_SIGNED_IN));

        OnePasswordException e = assertThrows(
                OnePasswordException.class,
                () -> op.write(CREDENTIAL, secret("sk-ant-api03-NEW-rotated"), Optional.of(12L)));

        assertTrue(e.getMessage().contains("op signin"), e.getMessage());
    }

    // ---- write: a new item ------------------------------------------------------------------

    private void noSuchItem() {
        runner.on(
                List.of("op", "item", "get"),
                c -> exit(
                        1,
                        "[ERROR] 2026/11/28 11:00:00 \"webhook\" isn't an item in the "
                                + "\"Spectral\" vault. Specify the item with its UUID, name, or domain.\n"));
    }

    @Test
    void writeCreatesAMissingItemWithAConcealedFieldFromStdin() throws Exception {
        noSuchItem();
        runner.on(List.of("op", "item", "create"), c -> ok("{\"id\":\"new1\",\"version\":1}"));

        assertEquals(1, op.write(WEBHOOK, secret("whsec-NEW-created-9x"), Optional.empty()));

        List<Command> creates = runner.commands("op", "item", "create");
        assertEquals(1, creates.size());
        assertEquals(
                List.of("op", "item", "create", "--vault", "Spectral", "--format", "json", "-"),
                creates.get(0).argv());
        ObjectNode sent = stdinJson(creates.get(0));
        assertEquals("webhook", sent.path("title").asText());
        assertEquals("CONCEALED", sent.path("fields").get(0).path("type").asText());
        assertEquals(
                "whsec-NEW-created-9x", sent.path("fields").get(0).path("value").asText());
        assertEquals(
                "signing",
                sent.path("fields").get(0).path("section").path("label").asText());
        for (String arg : creates.get(0).argv()) {
            assertFalse(arg.contains("whsec"), arg);
        }
        assertEquals(1, runner.commands("op", "--version").size());
    }

    @Test
    void writeDoesNotCreateAnItemThatAppearedMeanwhile() {
        runner.on(List.of("op", "item", "get"), c -> ok(ITEM_JSON));

        assertThrows(
                ItemChangedException.class,
                () -> op.write(CREDENTIAL, secret("whsec-NEW-created-9x"), Optional.empty()));
        assertEquals(List.of(), runner.commands("op", "item", "create"));
    }

    @Test
    void aFailedCreateNamesTheStep() {
        noSuchItem();
        runner.on(List.of("op", "item", "create"), c -> exit(1, "[ERROR] 2026/11/28 11:00:00 permission denied\n"));

        OnePasswordException e = assertThrows(
                OnePasswordException.class, () -> op.write(WEBHOOK, secret("whsec-NEW-created-9x"), Optional.empty()));

        assertTrue(e.getMessage().startsWith("create item webhook in vault Spectral failed: "), e.getMessage());
        assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
    }

    @Test
    void aCreateWhileSignedOutExplainsHowToSignIn() {
        noSuchItem();
        runner.on(List.of("op", "item", "create"), c -> exit(1, NOT_SIGNED_IN));

        OnePasswordException e = assertThrows(
                OnePasswordException.class, () -> op.write(WEBHOOK, secret("whsec-NEW-created-9x"), Optional.empty()));

        assertTrue(e.getMessage().contains("op signin"), e.getMessage());
        assertTrue(e.getMessage().contains("OP_SERVICE_ACCOUNT_TOKEN"), e.getMessage());
    }

    @Test
    void writesRefuseAnOpTooOldToReadJsonFromStdin() {
        ScriptedRunner oldOp = new ScriptedRunner().on(List.of("op", "--version"), c -> ok("2.22.0\n"));
        OpCli old = new OpCli(oldOp, "op", Duration.ofSeconds(30), redactor);

        OnePasswordException e = assertThrows(
                OnePasswordException.class, () -> old.write(WEBHOOK, secret("whsec-NEW-created-9x"), Optional.empty()));

        assertTrue(e.getMessage().contains("2.23.0"), e.getMessage());
        assertEquals(List.of(), oldOp.commands("op", "item"));
    }

    // ---- several fields of one item ---------------------------------------------------------

    @Test
    void severalFieldsAreWrittenInOneEditAndAnEmptyOneIsRemoved() throws Exception {
        runner.on(List.of("op", "item", "get"), c -> ok(ITEM_JSON));
        runner.on(List.of("op", "item", "edit"), c -> ok("{\"version\":13}"));
        OpReference added = ref("op://Spectral/anthropic/credential-jwks");
        OpReference removed = ref("op://Spectral/anthropic/history/previous");

        long version = op.write(
                java.util.Map.of(
                        CREDENTIAL, Optional.of(secret("new-credential-value")),
                        added, Optional.of(secret("{\"keys\":[]}")),
                        removed, Optional.empty()),
                Optional.of(12L));

        assertEquals(13L, version);
        List<Command> edits = runner.commands("op", "item", "edit");
        assertEquals(1, edits.size(), "one edit for all fields");
        ObjectNode piped = stdinJson(edits.get(0));
        List<String> labels = piped.path("fields").findValuesAsText("label");
        assertEquals(List.of("username", "credential", "notesPlain", "credential-jwks"), labels);
        assertEquals(
                "new-credential-value",
                piped.path("fields").get(1).path("value").asText());
        assertEquals("{\"keys\":[]}", piped.path("fields").get(3).path("value").asText());
        assertFalse(String.join(" ", edits.get(0).argv()).contains("new-credential-value"), "no value on argv");
    }

    @Test
    void readReturnsTheVersionAndTheFieldsTheItemHas() throws Exception {
        runner.on(List.of("op", "item", "get"), c -> ok(ITEM_JSON));
        OpReference missing = ref("op://Spectral/anthropic/credential-next");

        OnePassword.ItemValues values = op.read(List.of(CREDENTIAL, missing)).orElseThrow();

        assertEquals(12L, values.version());
        assertEquals(
                Optional.of("sk-ant-api03-item-value"), values.value(CREDENTIAL).map(SecretValue::reveal));
        assertEquals(Optional.empty(), values.value(missing));
        assertEquals(1, runner.commands("op", "item", "get").size(), "one read for all fields");
    }

    @Test
    void aWriteOfFieldsOfTwoItemsIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> op.write(
                        new java.util.LinkedHashMap<>(java.util.Map.of(
                                CREDENTIAL, Optional.of(secret("a-value-1234")),
                                WEBHOOK, Optional.of(secret("b-value-1234")))),
                        Optional.of(1L)));
        assertTrue(runner.commands("op", "item", "edit").isEmpty());
    }
}

package dev.spectral.provision.onepassword;

import static dev.spectral.provision.testing.ScriptedRunner.exit;
import static dev.spectral.provision.testing.ScriptedRunner.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spectral.provision.process.Command;
import dev.spectral.provision.secret.Redactor;
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
        return parse(new String(command.stdin().orElseThrow(() -> new AssertionError("no stdin")), StandardCharsets.UTF_8));
    }

    // ---- item -------------------------------------------------------------------------------

    @Test
    void itemRunsOpItemGetWithJsonAndRevealAndAClosedStdin() throws Exception {
        runner.on(List.of("op", "item", "get"), c -> ok(ITEM_JSON));

        Item item = op.item("Spectral", "anthropic").orElseThrow();

        List<Command> gets = runner.commands("op", "item", "get");
        assertEquals(1, gets.size());
        assertEquals(List.of("op", "item", "get", "anthropic", "--vault", "Spectral", "--format", "json", "--reveal"),
                gets.get(0).argv());
        assertTrue(gets.get(0).stdin().isEmpty(), "no stdin for a read: op could wait on an open pipe");
        assertEquals("k2hx7qzt5mvbl3lwfaxk4yqa2e", item.id());
        assertEquals("anthropic", item.title());
        assertEquals(12, item.version());
        assertEquals(parse(ITEM_JSON), item.copyOfJson());
        assertFalse(item.toString().contains("sk-ant-api03-item-value"), item.toString());
    }

    @Test
    void itemRegistersTheFieldValuesWithTheRedactor() throws Exception {
        runner.on(List.of("op", "item", "get"), c -> ok(ITEM_JSON));

        op.item("Spectral", "anthropic");

        assertEquals("value *** end", redactor.redact("value sk-ant-api03-item-value end"));
        assertEquals("pem line ***", redactor.redact("pem line MIIEvQIBADANBgkq"));
    }

    @Test
    void itemIsEmptyWhenTheVaultHasNoSuchItem() throws Exception {
        runner.on(List.of("op", "item", "get"),
                c -> exit(1, "[ERROR] 2026/11/28 11:00:00 \"webhook\" isn't an item in the \"Spectral\" vault. "
                        + "Specify the item with its UUID, name, or domain.\n"));

        assertEquals(Optional.empty(), op.item("Spectral", "webhook"));
    }

    @Test
    void itemFailsWhenTheVaultDoesNotExist() {
        runner.on(List.of("op", "item", "get"),
                c -> exit(1, "[ERROR] 2026/11/28 11:00:00 \"Spectrl\" isn't a vault in this account. "
                        + "Specify the vault with its ID or name.\n"));

        OnePasswordException e = assertThrows(OnePasswordException.class, () -> op.item("Spectrl", "anthropic"));

        assertTrue(e.getMessage().contains("reading item anthropic in vault Spectrl failed"), e.getMessage());
        assertTrue(e.getMessage().contains("isn't a vault"), e.getMessage());
    }

    @Test
    void itemExplainsHowToSignIn() {
        runner.on(List.of("op", "item", "get"), c -> exit(1, NOT_SIGNED_IN));

        OnePasswordException e = assertThrows(OnePasswordException.class, () -> op.item("Spectral", "anthropic"));

        assertTrue(e.getMessage().contains("op signin"), e.getMessage());
        assertTrue(e.getMessage().contains("OP_SERVICE_ACCOUNT_TOKEN"), e.getMessage());
    }

    @Test
    void itemRefusesOutputThatIsNotAnItem() {
        runner.on(List.of("op", "item", "get"), c -> ok("[1, 2]"));

        OnePasswordException e = assertThrows(OnePasswordException.class, () -> op.item("Spectral", "anthropic"));

        assertTrue(e.getMessage().contains("anthropic"), e.getMessage());
    }

    @Test
    void itemRefusesOutputThatIsNotJsonWithoutQuotingIt() {
        runner.on(List.of("op", "item", "get"), c -> ok("{\"value\":\"sk-ant-half-printed"));

        OnePasswordException e = assertThrows(OnePasswordException.class, () -> op.item("Spectral", "anthropic"));

        assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
        assertFalse(e.getMessage().contains("sk-ant-half-printed"), e.getMessage());
    }

    // ---- replace ----------------------------------------------------------------------------

    private Item fetched() throws Exception {
        runner.on(List.of("op", "item", "get"), c -> ok(ITEM_JSON));
        return op.item("Spectral", "anthropic").orElseThrow();
    }

    private static ObjectNode withNewCredential(Item item, String value) {
        ObjectNode updated = item.copyOfJson();
        ((ObjectNode) updated.withArray("fields").get(1)).put("value", value);
        return updated;
    }

    @Test
    void replacePipesTheWholeItemToOpItemEditAndPutsNoValueOnArgv() throws Exception {
        Item item = fetched();
        ObjectNode updated = withNewCredential(item, "sk-ant-api03-NEW-rotated");
        runner.on(List.of("op", "item", "edit"), c -> ok("{}"));

        op.replace("Spectral", item, updated);

        List<Command> edits = runner.commands("op", "item", "edit");
        assertEquals(1, edits.size());
        assertEquals(List.of("op", "item", "edit", "k2hx7qzt5mvbl3lwfaxk4yqa2e", "--vault", "Spectral"), edits.get(0).argv());
        assertEquals(updated, stdinJson(edits.get(0)));
        for (String arg : edits.get(0).argv()) {
            assertFalse(arg.contains("sk-ant-api03"), arg);
            assertFalse(arg.contains("="), "no assignment statement on argv: " + arg);
        }
        assertEquals("***", redactor.redact("sk-ant-api03-NEW-rotated"), "the new value is masked from the moment it is sent");
    }

    @Test
    void aFailedReplaceNamesTheStepAndMasksTheValueOpEchoed() throws Exception {
        Item item = fetched();
        runner.on(List.of("op", "item", "edit"), c -> exit(1,
                "[ERROR] 2026/11/28 11:00:00 validation failed: field value sk-ant-api03-NEW-rotated is too long\n"));

        OnePasswordException e = assertThrows(OnePasswordException.class,
                () -> op.replace("Spectral", item, withNewCredential(item, "sk-ant-api03-NEW-rotated")));

        assertTrue(e.getMessage().startsWith("write item anthropic in vault Spectral failed: "), e.getMessage());
        assertTrue(e.getMessage().contains("validation failed"), e.getMessage());
        assertFalse(e.getMessage().contains("sk-ant-api03-NEW-rotated"), e.getMessage());
        assertFalse(e.getMessage().contains("[ERROR]"), e.getMessage());
    }

    @Test
    void aReplaceWhileSignedOutExplainsHowToSignIn() throws Exception {
        Item item = fetched();
        runner.on(List.of("op", "item", "edit"), c -> exit(1, NOT_SIGNED_IN));

        OnePasswordException e = assertThrows(OnePasswordException.class,
                () -> op.replace("Spectral", item, item.copyOfJson()));

        assertTrue(e.getMessage().contains("op signin"), e.getMessage());
    }

    // ---- create -----------------------------------------------------------------------------

    private static ObjectNode newItem() throws Exception {
        return parse("""
                {"title":"webhook","category":"API_CREDENTIAL","fields":[
                  {"id":"secret","type":"CONCEALED","label":"secret","value":"whsec-NEW-created-9x",
                   "section":{"id":"signing","label":"signing"}}]}
                """);
    }

    @Test
    void createPipesTheItemToOpItemCreateFromStdin() throws Exception {
        runner.on(List.of("op", "item", "create"), c -> ok("{}"));
        ObjectNode item = newItem();

        op.create("Spectral", item);

        List<Command> creates = runner.commands("op", "item", "create");
        assertEquals(1, creates.size());
        assertEquals(List.of("op", "item", "create", "--vault", "Spectral", "-"), creates.get(0).argv());
        assertEquals(item, stdinJson(creates.get(0)));
        for (String arg : creates.get(0).argv()) {
            assertFalse(arg.contains("whsec"), arg);
        }
        assertEquals(1, runner.commands("op", "--version").size());
    }

    @Test
    void aFailedCreateNamesTheStep() throws Exception {
        runner.on(List.of("op", "item", "create"), c -> exit(1, "[ERROR] 2026/11/28 11:00:00 permission denied\n"));

        OnePasswordException e = assertThrows(OnePasswordException.class, () -> op.create("Spectral", newItem()));

        assertTrue(e.getMessage().startsWith("create item webhook in vault Spectral failed: "), e.getMessage());
        assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
    }

    @Test
    void aCreateWhileSignedOutExplainsHowToSignIn() {
        runner.on(List.of("op", "item", "create"), c -> exit(1, NOT_SIGNED_IN));

        OnePasswordException e = assertThrows(OnePasswordException.class, () -> op.create("Spectral", newItem()));

        assertTrue(e.getMessage().contains("op signin"), e.getMessage());
        assertTrue(e.getMessage().contains("OP_SERVICE_ACCOUNT_TOKEN"), e.getMessage());
    }

    @Test
    void writesRefuseAnOpTooOldToReadJsonFromStdin() {
        ScriptedRunner oldOp = new ScriptedRunner().on(List.of("op", "--version"), c -> ok("2.22.0\n"));
        OpCli old = new OpCli(oldOp, "op", Duration.ofSeconds(30), redactor);

        OnePasswordException e = assertThrows(OnePasswordException.class, () -> old.create("Spectral", newItem()));

        assertTrue(e.getMessage().contains("2.23.0"), e.getMessage());
        assertEquals(List.of(), oldOp.commands("op", "item"));
    }
}

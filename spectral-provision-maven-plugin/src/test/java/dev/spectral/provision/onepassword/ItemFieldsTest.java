package dev.spectral.provision.onepassword;

import static dev.spectral.provision.testing.FakeOnePassword.field;
import static dev.spectral.provision.testing.FakeOnePassword.item;
import static dev.spectral.provision.testing.References.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ItemFieldsTest {

    private static final String NEW = "n3w-Value-8kQz";

    /** An item as op prints it: a username, a concealed credential, a note, and a sectioned field. */
    private static ObjectNode anthropic() {
        ObjectNode item = item(
                "k2hx7q",
                "anthropic",
                12,
                field("username", "username", "STRING", "ci-bot"),
                field("credential", "Credential", "CONCEALED", "sk-ant-old-value"),
                field("notesPlain", "notesPlain", "STRING", "rotated by spectral"),
                field("x9fj2", "endpoint", "STRING", "https://api.example", "sec1", "Meta"));
        item.putArray("tags").add("spectral");
        item.putArray("urls").addObject().put("primary", true).put("href", "https://console.example");
        return item;
    }

    /** The item with one field's value replaced, everything else as it was. */
    private static ObjectNode expected(ObjectNode original, int fieldIndex, String value) {
        ObjectNode copy = original.deepCopy();
        ((ObjectNode) copy.withArray("fields").get(fieldIndex)).put("value", value);
        return copy;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "op://Spectral/anthropic/credential",
                "op://Spectral/anthropic/CREDENTIAL",
                "op://Spectral/anthropic/Credential"
            })
    void setsTheFieldMatchedByLabelIgnoringCaseAndKeepsEverythingElse(String reference) {
        ObjectNode original = anthropic();

        ObjectNode result = ItemFields.withValue(original.deepCopy(), ref(reference), NEW);

        assertEquals(expected(original, 1, NEW), result);
    }

    @Test
    void setsTheFieldMatchedByIdIgnoringCase() {
        ObjectNode original = anthropic();

        ObjectNode result = ItemFields.withValue(original.deepCopy(), ref("op://Spectral/anthropic/X9FJ2"), NEW);

        assertEquals(expected(original, 3, NEW), result);
    }

    @Test
    void keepsEveryTopLevelMemberOpPrints() {
        ObjectNode original = anthropic();

        ObjectNode result = ItemFields.withValue(original.deepCopy(), ref("op://Spectral/anthropic/credential"), NEW);

        for (String member : new String[] {
            "id", "title", "version", "vault", "category", "created_at", "updated_at", "sections", "tags", "urls"
        }) {
            assertTrue(result.has(member), member);
            assertEquals(original.get(member), result.get(member), member);
        }
        assertEquals(original.size(), result.size());
    }

    /** Two fields labelled "password", one per section: only the referenced section's changes. */
    private static ObjectNode twoSections() {
        return item(
                "db01",
                "database",
                3,
                field("pw-prod", "password", "CONCEALED", "prod-old", "s-prod", "Production"),
                field("pw-stg", "password", "CONCEALED", "staging-old", "s-stg", "Staging"));
    }

    @Test
    void setsOnlyTheFieldInTheReferencedSectionByLabel() {
        ObjectNode original = twoSections();

        ObjectNode result =
                ItemFields.withValue(original.deepCopy(), ref("op://Spectral/database/staging/password"), NEW);

        assertEquals(expected(original, 1, NEW), result);
    }

    @Test
    void setsOnlyTheFieldInTheReferencedSectionById() {
        ObjectNode original = twoSections();

        ObjectNode result =
                ItemFields.withValue(original.deepCopy(), ref("op://Spectral/database/S-STG/Password"), NEW);

        assertEquals(expected(original, 1, NEW), result);
    }

    @Test
    void addsAConcealedFieldWhenTheItemHasNone() {
        ObjectNode original = anthropic();

        ObjectNode result = ItemFields.withValue(original.deepCopy(), ref("op://Spectral/anthropic/admin-key"), NEW);

        ArrayNode fields = result.withArray("fields");
        assertEquals(5, fields.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(original.get("fields").get(i), fields.get(i));
        }
        JsonNode added = fields.get(4);
        assertEquals("admin-key", added.path("label").asText());
        assertEquals("CONCEALED", added.path("type").asText());
        assertEquals(NEW, added.path("value").asText());
        assertFalse(added.has("section"), added.toString());
    }

    @Test
    void addsTheMissingFieldInTheReferencedSectionEvenWhenTheLabelExistsOutsideIt() {
        ObjectNode original = anthropic();

        ObjectNode result =
                ItemFields.withValue(original.deepCopy(), ref("op://Spectral/anthropic/signing/credential"), NEW);

        ArrayNode fields = result.withArray("fields");
        assertEquals(5, fields.size());
        assertEquals("sk-ant-old-value", fields.get(1).path("value").asText(), "the unsectioned field is left alone");
        JsonNode added = fields.get(4);
        assertEquals("credential", added.path("label").asText());
        assertEquals("CONCEALED", added.path("type").asText());
        assertEquals(NEW, added.path("value").asText());
        assertEquals("signing", added.path("section").path("label").asText());
    }

    /**
     * op's item JSON declares custom sections in the top-level {@code sections} array and a field points
     * at one by id (developer.1password.com/docs/cli/item-template-json); 1Password's SDKs refuse a field
     * "linked to section id X, but no section with this id exists". A field added in a new section must
     * therefore come with its section declared, in a new item and in an existing one.
     */
    @Test
    void aFieldAddedInANewSectionHasItsSectionDeclared() {
        ObjectNode created = ItemFields.withValue(
                ItemFields.newItem(ref("op://Spectral/webhook/signing/secret")),
                ref("op://Spectral/webhook/signing/secret"),
                NEW);
        ObjectNode edited = ItemFields.withValue(anthropic(), ref("op://Spectral/anthropic/signing/credential"), NEW);

        for (ObjectNode item : List.of(created, edited)) {
            JsonNode added =
                    item.withArray("fields").get(item.withArray("fields").size() - 1);
            String sectionId = added.path("section").path("id").asText();
            boolean declared = false;
            for (JsonNode section : item.path("sections")) {
                declared |= section.path("id").asText().equals(sectionId);
            }
            assertTrue(declared, "section '" + sectionId + "' is not in the sections array of " + item.path("title"));
        }
    }

    @Test
    void addsTheFieldsArrayToAnItemWithoutOne() {
        ObjectNode bare = item("e1", "empty", 1);
        bare.remove("fields");

        ObjectNode result = ItemFields.withValue(bare, ref("op://Spectral/empty/token"), NEW);

        assertEquals(1, result.withArray("fields").size());
        assertEquals(NEW, result.get("fields").get(0).path("value").asText());
    }

    @Test
    void aNewItemHasTheTitleACategoryAndOneConcealedField() {
        ObjectNode item = ItemFields.withValue(
                ItemFields.newItem(ref("op://Spectral/webhook/secret")), ref("op://Spectral/webhook/secret"), NEW);

        assertEquals("webhook", item.path("title").asText());
        assertFalse(item.path("category").asText().isBlank(), item.toString());
        assertEquals(1, item.withArray("fields").size());
        JsonNode field = item.get("fields").get(0);
        assertEquals("secret", field.path("label").asText());
        assertEquals("CONCEALED", field.path("type").asText());
        assertEquals(NEW, field.path("value").asText());
        assertFalse(field.has("section"));
    }

    @Test
    void aNewItemPutsTheFieldInTheReferencedSection() {
        ObjectNode item = ItemFields.withValue(
                ItemFields.newItem(ref("op://Spectral/webhook/signing/secret")),
                ref("op://Spectral/webhook/signing/secret"),
                NEW);

        JsonNode field = item.get("fields").get(0);
        assertEquals("signing", field.path("section").path("label").asText());
        assertEquals("CONCEALED", field.path("type").asText());
        assertEquals(NEW, field.path("value").asText());
    }
}

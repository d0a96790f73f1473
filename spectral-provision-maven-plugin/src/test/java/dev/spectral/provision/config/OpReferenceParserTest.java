package dev.spectral.provision.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpReferenceParserTest {

    @Test
    void parsesVaultItemSectionFieldAndQuery() throws Exception {
        OpReference ref = OpReferenceParser.parse("op://Spectral/Git Hub/login/one-time password?attribute=otp");

        assertEquals("Spectral", ref.vault());
        assertEquals("Git Hub", ref.item());
        assertEquals(Optional.of("login"), ref.section());
        assertEquals("one-time password", ref.field());
        assertEquals(Optional.of("attribute=otp"), ref.query());
        assertEquals("spectral/git hub", ref.itemId());
    }

    @Test
    void referencesCompareIgnoringCaseAsOnePasswordDoes() throws Exception {
        assertEquals(
                OpReferenceParser.parse("op://Spectral/cloudflare/api-token"),
                OpReferenceParser.parse("op://spectral/Cloudflare/API-token"));
        assertNotEquals(
                OpReferenceParser.parse("op://Spectral/cloudflare/api-token"),
                OpReferenceParser.parse("op://Spectral/cloudflare/other"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "op://Spectral/item",
                "op://Spectral/item/a/b/c",
                "op://Spectral//field",
                "op://Spectral/it@m/field",
                "op://Spectral/item/field?attribute=password",
                "op://Spectral/item/field?ssh-format=pem",
                "op:/Spectral/item/field",
                "OP://Spectral/item/field",
                "op://Spectral/ item/field",
            })
    void rejectsMalformedReferences(String text) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> OpReferenceParser.parse(text));
        assertFalse(e.fix().isEmpty());
    }

    @Test
    void tellsReferencesFromLiterals() {
        assertTrue(OpReferenceParser.looksLikeReference("op://a/b/c"));
        assertTrue(OpReferenceParser.looksLikeReference("OP:/typo"));
        assertFalse(OpReferenceParser.looksLikeReference("https://op.example"));
    }
}

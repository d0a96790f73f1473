package dev.spectral.provision.keyset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeySetTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static ObjectNode newKey() throws Exception {
        return PublicJwk.of(new ECKeyGenerator(Curve.P_256).generate().toJSONString());
    }

    private static String kid(ObjectNode key) {
        return key.path("kid").asText();
    }

    @Test
    void aRetiredKeyStaysUntilItsTimeThenLeaves() throws Exception {
        ObjectNode old = newKey();
        ObjectNode current = newKey();
        KeySet set = KeySet.empty().withSigningKey(old).withSigningKey(current).retiring(kid(old), NOW.plusSeconds(60));

        assertEquals(List.of(kid(current), kid(old)), set.kids());
        assertEquals(
                List.of(kid(current), kid(old)),
                set.withoutExpired(NOW.plusSeconds(59)).kids());
        assertEquals(
                List.of(kid(current)), set.withoutExpired(NOW.plusSeconds(60)).kids());
        assertEquals(Optional.empty(), set.withoutExpired(NOW.plusSeconds(60)).retires(kid(old)));
    }

    @Test
    void theStoredFormRoundTripsAndThePublishedFormIsAPlainJwkSet() throws Exception {
        ObjectNode old = newKey();
        ObjectNode current = newKey();
        ObjectNode next = newKey();
        KeySet set = KeySet.empty()
                .withSigningKey(old)
                .withSigningKey(current)
                .retiring(kid(old), NOW)
                .withNextKey(next);

        assertEquals(set, KeySet.parse(set.stored()));
        assertEquals(List.of(kid(current), kid(next), kid(old)), set.kids());
        JWKSet published = JWKSet.parse(set.publishedJson());
        assertEquals(3, published.size());
        assertFalse(set.publishedJson().contains(KeySet.RETIRE), "the bookkeeping stays in 1Password");
    }

    @Test
    void aKeyMadeSigningAgainIsNoLongerRetiring() throws Exception {
        ObjectNode key = newKey();
        KeySet set = KeySet.empty().withSigningKey(key).retiring(kid(key), NOW).withSigningKey(key);

        assertEquals(Optional.empty(), set.retires(kid(key)));
        assertEquals(List.of(kid(key)), set.withoutExpired(NOW.plusSeconds(1)).kids());
    }

    @Test
    void privateMembersWrittenIntoTheStoredSetByHandAreDropped() throws Exception {
        String privateKey = new ECKeyGenerator(Curve.P_256).generate().toJSONString();
        KeySet set = KeySet.parse("{\"keys\":[" + privateKey + "]}");

        assertEquals(
                List.of(),
                PublicJwk.privateMembers(
                        JSON_OF(set.publishedJson()).path("keys").get(0)));
        assertFalse(set.stored().contains("\"d\""));
    }

    @Test
    void somethingElseIsNotAKeySet() {
        assertThrows(InvalidKeyException.class, () -> KeySet.parse("{\"kty\":\"EC\"}"));
        assertThrows(InvalidKeyException.class, () -> KeySet.parse("{\"keys\":[],\"retire\":{\"a\":\"soon\"}}"));
    }

    private static com.fasterxml.jackson.databind.JsonNode JSON_OF(String json) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    }
}

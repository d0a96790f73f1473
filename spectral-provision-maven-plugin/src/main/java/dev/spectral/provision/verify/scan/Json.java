package dev.spectral.provision.verify.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * JSON read out of a value, quietly: a value that is not JSON gives nothing. Parser errors are dropped,
 * never shown, because their messages quote the text they failed on.
 */
final class Json {

    /** Base64 (either alphabet) of text that starts {@code {"}: how tokens and encoded keys begin. */
    private static final Pattern ENCODED_OBJECT = Pattern.compile("eyJ[A-Za-z0-9+/_-]*={0,2}");

    private Json() {}

    /** Made on first use: creating a mapper costs a cold JVM much more than decoding base64 does. */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper();
    }

    /** The value as JSON, when it is a JSON object or array. */
    static Optional<JsonNode> parse(String value) {
        String text = value.strip();
        if (!(text.startsWith("{") || text.startsWith("["))) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Mapper.INSTANCE.readTree(text)).filter(JsonNode::isContainerNode);
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The value as JSON, or as the JSON object it base64-encodes ({@code eyJ...}). */
    static Optional<JsonNode> parseOrDecode(String value) {
        Optional<JsonNode> plain = parse(value);
        if (plain.isPresent() || !ENCODED_OBJECT.matcher(value.strip()).matches()) {
            return plain;
        }
        return decodeBase64(value.strip()).flatMap(Json::parse);
    }

    /** Text from base64url or base64, padded or not; nothing when it is not base64 of UTF-8 text. */
    static Optional<String> decodeBase64(String encoded) {
        try {
            String urlSafe = encoded.replace('+', '-').replace('/', '_').replace("=", "");
            return Optional.of(new String(Base64.getUrlDecoder().decode(urlSafe), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

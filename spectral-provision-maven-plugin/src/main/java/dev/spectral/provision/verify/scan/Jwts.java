package dev.spectral.provision.verify.scan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON Web Tokens in a value, told apart by the {@code role} claim of their payload (Supabase's keys are
 * JWTs: {@code service_role} bypasses row-level security, {@code anon} is meant for browsers).
 *
 * <p>A token whose payload does not decode is judged by its shape alone: a bearer token.
 */
public final class Jwts {

    /** What a token grants. */
    public enum Kind {
        /** Supabase's service-role key: a secret. */
        SERVICE_ROLE,
        /** Supabase's anon key: public by design. */
        ANON,
        /** Any other token: whoever holds it is let in. */
        BEARER
    }

    /** {@code header.payload.signature}, header and payload JSON objects in base64url; signature may be empty. */
    private static final Pattern SHAPE =
            Pattern.compile("\\beyJ[A-Za-z0-9_-]{4,}={0,2}\\.(eyJ[A-Za-z0-9_-]{4,}={0,2})\\.[A-Za-z0-9_-]*");

    private Jwts() {}

    /** The kind of every token in the value, in order. */
    public static List<Kind> kinds(String value) {
        List<Kind> kinds = new ArrayList<>();
        Matcher m = SHAPE.matcher(value);
        while (m.find()) {
            kinds.add(classify(m.group(1)));
        }
        return kinds;
    }

    /** True when the whole value is one token, and an anon one. */
    public static boolean isAnonToken(String value) {
        Matcher m = SHAPE.matcher(value.strip());
        return m.matches() && classify(m.group(1)) == Kind.ANON;
    }

    private static Kind classify(String payload) {
        Optional<String> role = Json.decodeBase64(payload)
                .flatMap(Json::parse)
                .map(claims -> claims.path("role"))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText);
        return switch (role.orElse("")) {
            case "service_role" -> Kind.SERVICE_ROLE;
            case "anon" -> Kind.ANON;
            default -> Kind.BEARER;
        };
    }
}

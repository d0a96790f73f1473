package dev.spectral.provision.keyset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spectral.provision.config.Age;
import dev.spectral.provision.config.OpReference;
import dev.spectral.provision.onepassword.OnePassword.ItemValues;
import dev.spectral.provision.secret.Redactor;
import dev.spectral.provision.secret.SecretValue;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rollover of one private JWK, planned from what its 1Password item holds before the question is
 * asked (OIDC Core 10.1.1: publish a key before it signs, keep a key until the tokens it signed have
 * expired). One phase: the new key signs and the set gains its public half; the old key stays in the
 * set for the retention period. Two phases, for verifiers that cache the set: the first run keeps the
 * new key aside as the next key and publishes its public half while the old key still signs; the
 * second run (any later rotation of the key) promotes it. Every write goes to one item in one edit.
 */
public final class Rollover {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a run does to the key. */
    public enum Phase {
        ONE_PHASE("one phase"),
        PREPARE("phase 1 of 2"),
        PROMOTE("phase 2 of 2");

        private final String text;

        Phase(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private final String key;
    private final OpReference field;
    private final Phase phase;
    private final Optional<ObjectNode> signing;
    private final Optional<SecretValue> next;
    private final boolean discardNext;
    private final KeySet current;
    private final Age retain;
    private final Instant now;
    private final List<String> warnings;

    private Rollover(
            String key,
            OpReference field,
            Phase phase,
            Optional<ObjectNode> signing,
            Optional<SecretValue> next,
            boolean discardNext,
            KeySet current,
            Age retain,
            Instant now,
            List<String> warnings) {
        this.key = key;
        this.field = field;
        this.phase = phase;
        this.signing = signing;
        this.next = next;
        this.discardNext = discardNext;
        this.current = current;
        this.retain = retain;
        this.now = now;
        this.warnings = List.copyOf(warnings);
    }

    /** The fields a plan reads: the private key, the next key and the kept set. */
    public static List<OpReference> fields(OpReference field) {
        return List.of(field, KeySetNames.next(field), KeySetNames.set(field));
    }

    /**
     * Plans from what the item holds. A field that should hold a key or a set and does not is not kept:
     * the plan says so in {@link #warnings()}, and the rollover replaces it.
     *
     * @param item what {@link #fields} read, empty when the item does not exist yet
     * @param twoPhase start a two-phase rollover (when no next key waits already)
     * @param retain how long a key that stops signing stays in the set
     */
    public static Rollover plan(
            String key, OpReference field, Optional<ItemValues> item, boolean twoPhase, Age retain, Instant now) {
        List<String> warnings = new ArrayList<>();
        Optional<ObjectNode> signing = item.flatMap(i -> i.value(field))
                .flatMap(value -> readable(value, "the value at " + field, "it is replaced", warnings));
        Optional<SecretValue> next = item.flatMap(i -> i.value(KeySetNames.next(field)));
        boolean discardNext = next.isPresent()
                && readable(next.get(), "the next key at " + KeySetNames.next(field), "it is removed", warnings)
                        .isEmpty();
        KeySet set = KeySet.empty();
        Optional<SecretValue> kept = item.flatMap(i -> i.value(KeySetNames.set(field)));
        if (kept.isPresent()) {
            try {
                set = KeySet.parse(kept.get().reveal());
            } catch (InvalidKeyException e) {
                warnings.add(
                        "the key set at " + KeySetNames.set(field) + " " + e.getMessage() + ": a new set is started");
            }
        }
        set = set.withoutExpired(now);
        if (signing.isPresent()) {
            set = set.withSigningKey(signing.get());
        }
        Phase phase = next.isPresent() && !discardNext
                ? Phase.PROMOTE
                : twoPhase && signing.isPresent() ? Phase.PREPARE : Phase.ONE_PHASE;
        return new Rollover(
                key, field, phase, signing, next.filter(n -> !discardNext), discardNext, set, retain, now, warnings);
    }

    private static Optional<ObjectNode> readable(
            SecretValue value, String what, String consequence, List<String> warnings) {
        try {
            return Optional.of(PublicJwk.of(value.reveal()));
        } catch (InvalidKeyException e) {
            warnings.add(what + " " + e.getMessage() + ": " + consequence);
            return Optional.empty();
        }
    }

    /** What the item held that is not kept, one line each. */
    public List<String> warnings() {
        return warnings;
    }

    public Phase phase() {
        return phase;
    }

    /** Whether the run needs a new key from the generator (a promotion uses the waiting one). */
    public boolean mints() {
        return phase != Phase.PROMOTE;
    }

    /** The kids of the set as published now. */
    public List<String> kidsNow() {
        return current.kids();
    }

    /**
     * The fields to write in one edit, given the minted key (empty for a promotion).
     *
     * @throws InvalidKeyException when the minted key is not a private JWK named by its thumbprint
     */
    public Writes writes(Optional<SecretValue> minted, Redactor redactor) throws InvalidKeyException {
        Map<OpReference, Optional<SecretValue>> fields = new LinkedHashMap<>();
        KeySet after;
        switch (phase) {
            case PROMOTE -> {
                SecretValue promoted = next.orElseThrow();
                after = retired(current.withSigningKey(publicHalf(promoted, "the next key")));
                fields.put(field, Optional.of(promoted));
                fields.put(KeySetNames.next(field), Optional.empty());
            }
            case PREPARE -> {
                SecretValue value = minted.orElseThrow();
                after = current.withNextKey(checkedMint(value));
                fields.put(KeySetNames.next(field), Optional.of(value));
            }
            default -> {
                SecretValue value = minted.orElseThrow();
                after = retired(current.withSigningKey(checkedMint(value)));
                fields.put(field, Optional.of(value));
            }
        }
        if (discardNext) {
            fields.put(KeySetNames.next(field), Optional.empty());
        }
        fields.put(KeySetNames.set(field), Optional.of(SecretValue.of(after.stored(), redactor)));
        return new Writes(fields, after.kids());
    }

    /** The fields to write (a field mapped to empty is removed), and the kids of the set after them. */
    public record Writes(Map<OpReference, Optional<SecretValue>> fields, List<String> kidsAfter) {
        public Writes {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
            kidsAfter = List.copyOf(kidsAfter);
        }

        /** What the fields hold after the write, for reading them back. */
        public Map<OpReference, SecretValue> written() {
            Map<OpReference, SecretValue> written = new LinkedHashMap<>();
            fields.forEach((f, v) -> v.ifPresent(value -> written.put(f, value)));
            return written;
        }
    }

    /** The key that signed until now, if any, stays for the retention period; expired keys leave. */
    private KeySet retired(KeySet set) {
        KeySet retiring = signing.map(s -> set.retiring(KeySet.kid(s), now.plus(retain.duration())))
                .orElse(set);
        return retiring.withoutExpired(now);
    }

    /** The plan's lines about the set and the phase, for the rotation plan. */
    public List<String> describe() {
        String variable = KeySetNames.variable(key);
        List<String> lines = new ArrayList<>();
        lines.add("key set:      " + variable + " (kept in 1Password at " + path(KeySetNames.set(field)) + ")");
        lines.add("  now:        " + (current.kids().isEmpty() ? "(empty)" : String.join(", ", labels(current))));
        lines.add("  after:      " + String.join(", ", labelsAfter()));
        lines.add("rollover:     " + phase + ": " + explanation(variable));
        return lines;
    }

    private List<String> labels(KeySet set) {
        List<String> labels = new ArrayList<>();
        for (String kid : set.kids()) {
            String state = signing.filter(s -> KeySet.kid(s).equals(kid)).isPresent()
                    ? "signs"
                    : set.retires(kid).map(t -> "leaves " + t).orElse("next");
            labels.add(shortKid(kid) + " (" + state + ")");
        }
        return labels;
    }

    private List<String> labelsAfter() {
        List<String> labels = new ArrayList<>();
        String leaves = "leaves " + now.plus(retain.duration()) + ", after " + retain;
        Optional<String> old = signing.map(KeySet::kid);
        switch (phase) {
            case ONE_PHASE -> labels.add("new key (signs)");
            case PROMOTE -> labels.add("next key " + shortKid(nextKid()) + " (signs)");
            case PREPARE -> {}
        }
        for (String kid : current.kids()) {
            boolean wasSigning = old.filter(kid::equals).isPresent();
            if (phase == Phase.PROMOTE && kid.equals(nextKid())) {
                continue;
            }
            if (wasSigning) {
                labels.add(shortKid(kid) + " (" + (phase == Phase.PREPARE ? "signs" : leaves) + ")");
            } else {
                labels.add(shortKid(kid)
                        + current.retires(kid).map(t -> " (leaves " + t + ")").orElse(" (next)"));
            }
        }
        if (phase == Phase.PREPARE) {
            labels.add("new key (next)");
        }
        if (retain.duration().isZero()) {
            labels.removeIf(label -> label.contains(leaves));
        }
        return labels;
    }

    private String explanation(String variable) {
        String command = "mvn spectral:rotate -Dkey=" + key;
        String keep = signing.map(s -> shortKid(KeySet.kid(s)) + " stays in the set for " + retain
                        + " so that the tokens it signed still verify")
                .orElse("no key signed before");
        return switch (phase) {
            case ONE_PHASE -> "the new key signs once the signers are redeployed; " + keep;
            case PREPARE ->
                "the new key is published as the next key and is kept aside in 1Password at "
                        + path(KeySetNames.next(field)) + "; " + shortKid(KeySet.kid(signing.orElseThrow()))
                        + " keeps signing. Next: once every verifier has fetched " + variable
                        + " again, run " + command + " to promote it (phase 2)";
            case PROMOTE -> "the next key, published since phase 1, signs once the signers are redeployed; " + keep;
        };
    }

    private String nextKid() {
        return next.flatMap(n -> readable(n, "the next key", "", new ArrayList<>()))
                .map(KeySet::kid)
                .orElseThrow();
    }

    /** The first characters of a thumbprint: enough to tell keys apart in a plan. */
    public static String shortKid(String kid) {
        return kid.length() > 8 ? kid.substring(0, 8) + "…" : kid;
    }

    private static String path(OpReference ref) {
        return ref.vault() + "/" + ref.item() + "/"
                + ref.section().map(s -> s + "/").orElse("") + ref.field();
    }

    private static ObjectNode publicHalf(SecretValue value, String what) throws InvalidKeyException {
        try {
            return PublicJwk.of(value.reveal());
        } catch (InvalidKeyException e) {
            throw new InvalidKeyException(what + " " + e.getMessage());
        }
    }

    /** A minted key must be a private JWK, and when it names itself, by its thumbprint. */
    private static ObjectNode checkedMint(SecretValue value) throws InvalidKeyException {
        ObjectNode publicKey = publicHalf(value, "the generated key");
        JsonNode minted;
        try {
            minted = JSON.readTree(value.reveal());
        } catch (IOException e) {
            throw new InvalidKeyException("the generated key is not JSON");
        }
        if (PublicJwk.privateMembers(minted).isEmpty()) {
            throw new InvalidKeyException("the generated key has no private member, so it cannot sign");
        }
        String declared = minted.path("kid").asText();
        if (!declared.isEmpty() && !declared.equals(KeySet.kid(publicKey))) {
            throw new InvalidKeyException("the generated key's kid is not its RFC 7638 thumbprint ("
                    + KeySet.kid(publicKey) + "), so verifiers could not find it in the set by the kid of its tokens");
        }
        return publicKey;
    }
}

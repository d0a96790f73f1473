package dev.spectral.provision.keyset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spectral.provision.config.Age;
import dev.spectral.provision.config.OpReference;
import dev.spectral.provision.onepassword.OnePassword.ItemValues;
import dev.spectral.provision.secret.Redactor;
import dev.spectral.provision.secret.SecretValue;
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
 * expired). One phase: the new key signs and the set gains its public half. Two phases, for verifiers
 * that cache the set: the first run keeps the new key aside as the next key and publishes its public
 * half while the old key still signs; the second run (any later rotation of the key) promotes it.
 * After either, every key but the one that signs and the one that waits stays in the set for the
 * retention period, then leaves. A retention of zero trusts no key from before the run: every old key,
 * also one retiring already, leaves at once, and a waiting next key is discarded, not promoted. Every
 * write goes to one item in one edit.
 */
public final class Rollover {

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

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Stands for the key the generator has yet to make, in the plan shown before it exists. */
    private static final String NEW_KEY = "new key";

    private final String key;
    private final OpReference field;
    private final Phase phase;
    private final Optional<ObjectNode> signing;
    private final Optional<SecretValue> next;
    private final Optional<ObjectNode> nextPublic;
    private final boolean removeNext;
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
            Optional<ObjectNode> nextPublic,
            boolean removeNext,
            KeySet current,
            Age retain,
            Instant now,
            List<String> warnings) {
        this.key = key;
        this.field = field;
        this.phase = phase;
        this.signing = signing;
        this.next = next;
        this.nextPublic = nextPublic;
        this.removeNext = removeNext;
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
        Optional<SecretValue> waiting = item.flatMap(i -> i.value(KeySetNames.next(field)));
        Optional<ObjectNode> waitingPublic = waiting.flatMap(
                value -> readable(value, "the next key at " + KeySetNames.next(field), "it is removed", warnings));
        boolean trustNothingOld = retain.duration().isZero();
        if (waitingPublic.isPresent() && trustNothingOld) {
            warnings.add("the next key waiting at " + path(KeySetNames.next(field))
                    + " is discarded, not promoted: with a retention of 0s no key from before this run is kept");
        }
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
        boolean promote = waitingPublic.isPresent() && !trustNothingOld;
        Phase phase = promote ? Phase.PROMOTE : twoPhase && signing.isPresent() ? Phase.PREPARE : Phase.ONE_PHASE;
        return new Rollover(
                key,
                field,
                phase,
                signing,
                waiting.filter(w -> promote),
                waitingPublic,
                waiting.isPresent(),
                set,
                retain,
                now,
                warnings);
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
        Optional<ObjectNode> mintedPublic = Optional.empty();
        if (phase == Phase.PROMOTE) {
            fields.put(field, next);
        } else {
            mintedPublic = Optional.of(checkedMint(minted.orElseThrow()));
            fields.put(phase == Phase.PREPARE ? KeySetNames.next(field) : field, minted);
        }
        if (removeNext && phase != Phase.PREPARE) {
            fields.put(KeySetNames.next(field), Optional.empty());
        }
        KeySet after = after(mintedPublic.orElse(null));
        fields.put(KeySetNames.set(field), Optional.of(SecretValue.of(after.stored(), redactor)));
        return new Writes(fields, after.kids());
    }

    /** The fields to write (a field mapped to empty is removed), and the kids of the set after them. */
    public record Writes(Map<OpReference, Optional<SecretValue>> fields, List<String> kidsAfter) {
        public Writes {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
            kidsAfter = List.copyOf(kidsAfter);
        }
    }

    /**
     * The set after this run: the key that signs first, the key that waits next, and every other key
     * retiring (those not retiring yet from now), less those whose time has come.
     *
     * @param minted the public half of the new key; null in a promotion
     */
    private KeySet after(ObjectNode minted) {
        KeySet set = switch (phase) {
            case PROMOTE -> current.withSigningKey(nextPublic.orElseThrow());
            case PREPARE -> current.withNextKey(minted);
            case ONE_PHASE -> current.withSigningKey(minted);
        };
        String signs = signingKidAfter(minted);
        Optional<String> waits = phase == Phase.PREPARE ? Optional.of(KeySet.kid(minted)) : Optional.empty();
        for (String kid : set.kids()) {
            boolean old = !kid.equals(signs) && !waits.orElse("").equals(kid);
            if (old && (set.retires(kid).isEmpty() || retain.duration().isZero())) {
                set = set.retiring(kid, now.plus(retain.duration()));
            }
        }
        return set.withoutExpired(now);
    }

    private String signingKidAfter(ObjectNode minted) {
        return switch (phase) {
            case PROMOTE -> KeySet.kid(nextPublic.orElseThrow());
            case PREPARE -> signing.map(KeySet::kid).orElseThrow();
            case ONE_PHASE -> KeySet.kid(minted);
        };
    }

    /** The plan's lines about the set and the phase, for the rotation plan. */
    public List<String> describe() {
        String variable = KeySetNames.variable(key);
        ObjectNode placeholder = JSON.createObjectNode().put("kid", NEW_KEY);
        KeySet after = after(placeholder);
        List<String> lines = new ArrayList<>();
        lines.add("key set:      " + variable + " (kept in 1Password at " + path(KeySetNames.set(field)) + ")");
        lines.add("  now:        "
                + (current.kids().isEmpty()
                        ? "(empty)"
                        : labels(current, signing.map(KeySet::kid).orElse(""), nextPublic.map(KeySet::kid))));
        lines.add("  after:      "
                + labels(
                        after,
                        signingKidAfter(placeholder),
                        phase == Phase.PREPARE ? Optional.of(NEW_KEY) : Optional.empty()));
        lines.add("rollover:     " + phase + ": " + explanation(variable));
        return lines;
    }

    private static String labels(KeySet set, String signs, Optional<String> waits) {
        List<String> labels = new ArrayList<>();
        for (String kid : set.kids()) {
            String state = kid.equals(signs)
                    ? "signs"
                    : waits.filter(kid::equals).isPresent()
                            ? "next"
                            : set.retires(kid).map(t -> "leaves " + t).orElse("next");
            labels.add(shortKid(kid) + " (" + state + ")");
        }
        return String.join(", ", labels);
    }

    private String explanation(String variable) {
        String command = "mvn spectral:rotate -Dkey=" + key;
        String old = signing.map(s -> shortKid(KeySet.kid(s))).orElse("");
        String keep = signing.isEmpty()
                ? "no key signed before"
                : retain.duration().isZero()
                        ? old + " leaves the set now (retention 0s): tokens it signed no longer verify"
                        : old + " stays in the set for " + retain + " so that the tokens it signed still verify";
        return switch (phase) {
            case ONE_PHASE -> "the new key signs once the signers are redeployed; " + keep;
            case PREPARE ->
                "the new key is published as the next key and kept aside in 1Password at "
                        + path(KeySetNames.next(field)) + "; " + old
                        + " keeps signing. Next: once every verifier has fetched " + variable + " again, run " + command
                        + " to promote it (phase 2)";
            case PROMOTE -> "the next key, published since phase 1, signs once the signers are redeployed; " + keep;
        };
    }

    /** The first characters of a thumbprint: enough to tell keys apart in a plan. */
    public static String shortKid(String kid) {
        return kid.length() > 8 ? kid.substring(0, 8) + "…" : kid;
    }

    private static String path(OpReference ref) {
        return ref.vault() + "/" + ref.item() + "/"
                + ref.section().map(s -> s + "/").orElse("") + ref.field();
    }

    /** A minted key must be a private JWK, and when it names itself, by its thumbprint. */
    private static ObjectNode checkedMint(SecretValue value) throws InvalidKeyException {
        JsonNode minted;
        ObjectNode publicKey;
        try {
            minted = PublicJwk.parse(value.reveal());
            publicKey = PublicJwk.of(minted);
        } catch (InvalidKeyException e) {
            throw new InvalidKeyException("the generated key " + e.getMessage());
        }
        if (PublicJwk.privateMembers(minted).isEmpty()) {
            throw new InvalidKeyException("the generated key has no private member, so it cannot sign");
        }
        if (PublicJwk.foreignKid(minted).isPresent()) {
            throw new InvalidKeyException("the generated key's kid is not its RFC 7638 thumbprint ("
                    + KeySet.kid(publicKey) + "), so verifiers could not find it in the set by the kid of its tokens");
        }
        return publicKey;
    }
}

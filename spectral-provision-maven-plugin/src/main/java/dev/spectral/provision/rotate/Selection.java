package dev.spectral.provision.rotate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a rotate run rotates: the keys named in {@code -Dkey} (one, a comma list, or {@code all}),
 * or every rotatable key that reads a 1Password item ({@code -Dspectral.rotate.item=VAULT/ITEM}) or
 * vault ({@code -Dspectral.rotate.vault=VAULT}). {@code -Denv} narrows a selector to what that
 * environment reads; for named keys it is the environment of their {@code per-env} rotation.
 *
 * @param keys the named keys, or {@code [all]}; empty when an item or vault selects
 * @param item {@code VAULT/ITEM}, as written
 * @param vault a vault name
 * @param environment {@code -Denv}
 */
public record Selection(
        List<String> keys, Optional<String> item, Optional<String> vault, Optional<String> environment) {

    public static final String ALL = "all";
    public static final String DUE = "due";

    static final String WAYS = "pass -Dkey=KEY (or a list: -Dkey=A,B,C), -Dkey=all (every key with a [rotation] spec; "
            + "with -Denv=E, those E reads), -Dkey=due (every generated key older than the max age in its spec), -Dspectral.rotate.item=VAULT/ITEM (every rotatable key that reads that 1Password item) "
            + "or -Dspectral.rotate.vault=VAULT (every rotatable key that reads that vault)";

    public Selection {
        keys = List.copyOf(keys);
        Objects.requireNonNull(item);
        Objects.requireNonNull(vault);
        Objects.requireNonNull(environment);
    }

    /** One key, as before there were selectors. */
    public static Selection key(String key, Optional<String> environment) {
        return new Selection(List.of(key), Optional.empty(), Optional.empty(), environment);
    }

    /**
     * Reads the parameters as given (blank counts as absent).
     *
     * @throws RotationException when none selects, when more than one does, or when one is malformed
     */
    public static Selection of(
            Optional<String> key, Optional<String> item, Optional<String> vault, Optional<String> environment)
            throws RotationException {
        List<String> keys = key.map(Selection::split).orElse(List.of());
        Optional<String> itemName = item.map(String::strip).filter(s -> !s.isEmpty());
        Optional<String> vaultName = vault.map(String::strip).filter(s -> !s.isEmpty());
        List<String> given = new ArrayList<>();
        if (!keys.isEmpty()) {
            given.add("-Dkey");
        }
        itemName.ifPresent(i -> given.add("-Dspectral.rotate.item"));
        vaultName.ifPresent(v -> given.add("-Dspectral.rotate.vault"));
        if (given.isEmpty()) {
            throw problem("nothing selected to rotate: " + WAYS);
        }
        if (given.size() > 1) {
            throw problem("pass only one of -Dkey, -Dspectral.rotate.item and -Dspectral.rotate.vault (given: "
                    + String.join(", ", given) + "); -Denv narrows any of them");
        }
        if (keys.contains(ALL) && keys.size() > 1) {
            throw problem("-Dkey=all selects every key with a [rotation] spec: it cannot be combined with named keys");
        }
        if (keys.contains(DUE) && keys.size() > 1) {
            throw problem("-Dkey=due selects every generated key that is due: it cannot be combined with named keys");
        }
        if (itemName.isPresent()) {
            String[] parts = itemName.get().split("/", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw problem("-Dspectral.rotate.item must be VAULT/ITEM, as in op://VAULT/ITEM/field; it is '"
                        + itemName.get() + "'");
            }
        }
        return new Selection(
                keys, itemName, vaultName, environment.map(String::strip).filter(s -> !s.isEmpty()));
    }

    /** {@code -Dkey=all}. */
    public boolean all() {
        return keys.equals(List.of(ALL));
    }

    /** {@code -Dkey=due}. */
    public boolean due() {
        return keys.equals(List.of(DUE));
    }

    /** Keys named one by one: each behaves as a single-key rotation does. */
    public boolean named() {
        return !keys.isEmpty() && !all() && !due();
    }

    /** The selection as typed, for the plan and the incident record. */
    public String text() {
        StringBuilder text = new StringBuilder();
        if (!keys.isEmpty()) {
            text.append("-Dkey=").append(String.join(",", keys));
        }
        item.ifPresent(i -> text.append("-Dspectral.rotate.item=").append(i));
        vault.ifPresent(v -> text.append("-Dspectral.rotate.vault=").append(v));
        environment.ifPresent(e -> text.append(" -Denv=").append(e));
        return text.toString();
    }

    private static List<String> split(String keys) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : keys.split(",")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return List.copyOf(names);
    }

    private static RotationException problem(String message) {
        return new RotationException(RotationException.Cause.CONFIGURATION, message);
    }
}

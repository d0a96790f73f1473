package dev.spectral.provision.rotate;

import dev.spectral.provision.config.Age;
import dev.spectral.provision.config.OpReference;
import dev.spectral.provision.keyset.KeySetNames;
import dev.spectral.provision.log.Log;
import dev.spectral.provision.onepassword.OnePassword;
import dev.spectral.provision.onepassword.OnePassword.ItemValues;
import dev.spectral.provision.onepassword.OnePasswordException;
import dev.spectral.provision.publish.SecretFreshness;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which keys {@code -Dkey=due} rotates: those with a max age in their spec whose 1Password item is
 * older than it (or does not exist yet), and those with a key set whose next key waits for the second
 * phase of a rollover. Costs one {@code op item list} per vault, and one item read per key with a key
 * set that is not due by age (to see whether a next key waits).
 */
final class DueKeys {

    /** A unit that is due, and why. */
    record Due(RotationPlan unit, String why) {}

    private final OnePassword onePassword;
    private final UnitWriter writer;
    private final Log log;
    private final Map<OpReference, Optional<ItemValues>> itemsRead = new LinkedHashMap<>();

    DueKeys(OnePassword onePassword, UnitWriter writer, Log log) {
        this.onePassword = onePassword;
        this.writer = writer;
        this.log = log;
    }

    /** The key items read to see whether a next key waits, by target, for the rotation to use rather than read again. */
    Map<OpReference, Optional<ItemValues>> itemsRead() {
        return Map.copyOf(itemsRead);
    }

    /**
     * The generated keys that are due, as the units of this run; the keys entered by hand that are due
     * are listed with the command that rotates each, since a scheduled run has nobody to type them.
     */
    UnitSelector.Selected select(UnitSelector.Selected candidates, Instant now) throws RotationException {
        List<Due> due = find(candidates.units(), now);
        long considered =
                candidates.units().stream().filter(DueKeys::considered).count();
        log.info(due.size() + " of the " + considered + " key(s) with a max age or a key set are due for rotation"
                + (due.isEmpty() ? "." : ":"));
        due.forEach(d -> log.info("  - " + d.unit().label() + ": " + d.why()));
        List<RotationPlan> generated = new ArrayList<>();
        for (Due d : due) {
            if (d.unit().spec().isPrompt()) {
                log.warn(d.unit().label() + " is due and is entered by hand, so this run does not rotate it: run "
                        + "mvn spectral:rotate -Dkey=" + d.unit().key()
                        + d.unit().environment().map(e -> " -Denv=" + e).orElse("")
                        + " (in CI, with -Dspectral.valueFrom=env:NAME)");
            } else {
                generated.add(d.unit());
            }
        }
        if (generated.isEmpty()) {
            log.info("No generated key is due; nothing was written.");
        }
        return new UnitSelector.Selected(generated, List.of());
    }

    /** The candidates this selector considers: a max age, or a key set that may have a next key waiting. */
    private static boolean considered(RotationPlan unit) {
        return unit.spec().maxAge().isPresent() || unit.keySet();
    }

    private List<Due> find(List<RotationPlan> candidates, Instant now) throws RotationException {
        List<RotationPlan> aged =
                candidates.stream().filter(u -> u.spec().maxAge().isPresent()).toList();
        SecretFreshness updates;
        try {
            updates = SecretFreshness.read(
                    onePassword, aged.stream().map(RotationPlan::target).toList());
        } catch (OnePasswordException e) {
            throw new RotationException(RotationException.Cause.TOOL, e.getMessage() + "; nothing was written", e);
        }
        List<Due> due = new ArrayList<>();
        for (RotationPlan unit : candidates) {
            Optional<String> byAge = unit.spec().maxAge().flatMap(maxAge -> byAge(unit, maxAge, updates, now));
            if (byAge.isPresent()) {
                due.add(new Due(unit, byAge.get()));
            } else if (unit.keySet() && nextKeyWaits(unit)) {
                due.add(new Due(
                        unit,
                        "its next key (" + KeySetNames.next(unit.target()).field()
                                + ") waits to be promoted: phase 2 of its rollover"));
            }
        }
        return due;
    }

    private static Optional<String> byAge(RotationPlan unit, Age maxAge, SecretFreshness updates, Instant now) {
        Optional<Instant> updated = updates.itemUpdated(unit.target());
        if (updated.isEmpty()) {
            return Optional.of("its item " + unit.itemPath() + " does not exist yet");
        }
        if (!maxAge.reached(updated.get(), now)) {
            return Optional.empty();
        }
        return Optional.of("its item last changed " + updated.get() + ", " + Age.since(updated.get(), now)
                + " ago; max age " + maxAge);
    }

    private boolean nextKeyWaits(RotationPlan unit) throws RotationException {
        Optional<ItemValues> item = writer.keyItem(unit.target());
        itemsRead.put(unit.target(), item);
        return item.flatMap(i -> i.value(KeySetNames.next(unit.target()))).isPresent();
    }
}

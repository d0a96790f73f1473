package dev.spectral.provision.rotate;

import dev.spectral.provision.config.OpReference;
import dev.spectral.provision.keyset.Rollover;
import dev.spectral.provision.log.Log;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rollovers of a run's keys that have a public key set, each planned from what its item held when
 * the plan was shown, with the warnings that go with them.
 */
final class Rollovers {

    private final Map<OpReference, Rollover> byTarget;

    private Rollovers(Map<OpReference, Rollover> byTarget) {
        this.byTarget = byTarget;
    }

    static Rollovers plan(
            List<RotationPlan> units, UnitWriter.Reads reads, RotationRequest request, Instant at, Log log) {
        Map<OpReference, Rollover> byTarget = new LinkedHashMap<>();
        RolloverOptions options = request.rollover();
        for (RotationPlan unit : units) {
            if (unit.keySet()) {
                Rollover rollover = Rollover.plan(
                        unit.key(),
                        unit.target(),
                        reads.keyItems().get(unit.target()),
                        options.twoPhase(),
                        options.retain(),
                        at);
                rollover.warnings().forEach(w -> log.warn(unit.label() + ": " + w));
                byTarget.put(unit.target(), rollover);
            }
        }
        if (!byTarget.isEmpty()
                && incident(request)
                && !options.retain().duration().isZero()) {
            log.warn("The keys that stop signing stay in their key sets for " + options.retain()
                    + " (-Dspectral.rotate.retain): if a private key may have leaked, run with "
                    + "-Dspectral.rotate.retain=0s instead, so that the tokens it signed stop verifying now.");
        }
        return new Rollovers(byTarget);
    }

    /** A run that rotates a blast radius (all, an item, a vault) or names the incident's start answers an incident. */
    private static boolean incident(RotationRequest request) {
        Selection selection = request.selection();
        return selection.all()
                || selection.item().isPresent()
                || selection.vault().isPresent()
                || request.since().isPresent();
    }

    /** The unit's rollover; empty for a key without a key set. */
    Optional<Rollover> of(RotationPlan unit) {
        return Optional.ofNullable(byTarget.get(unit.target()));
    }

    /** The units, each with a key set told the phase its rollover runs. */
    UnitSelector.Selected phased(UnitSelector.Selected selected) {
        return new UnitSelector.Selected(
                selected.units().stream()
                        .map(u -> of(u).map(r -> u.withPhase(r.phase())).orElse(u))
                        .toList(),
                selected.untouched());
    }

    /** The plan lines of the unit's key set; none for a key without one. */
    List<String> describe(RotationPlan unit) {
        return of(unit).map(Rollover::describe).orElse(List.of());
    }
}

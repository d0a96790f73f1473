package dev.spectral.provision.rotate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one unit of a rotation went, before republishing: never a value.
 *
 * @param plan the unit
 * @param status what became of it
 * @param versionBefore the item's version before this unit wrote it (after an earlier unit of the run
 *     wrote the same item, that write's version); empty when there was no item
 * @param versionAfter the item's version after this unit's write, when it wrote
 * @param reason why it is not stored, when it is not
 * @param keySet for a key with a public key set that was stored: what the rollover did to the set
 */
public record UnitResult(
        RotationPlan plan,
        Status status,
        Optional<Long> versionBefore,
        Optional<Long> versionAfter,
        Optional<String> reason,
        Optional<KeySetChange> keySet) {

    /** What became of a unit. */
    public enum Status {
        /** A dry run: nothing was written. */
        PLANNED,
        /** The new value is in 1Password and read back equal. */
        STORED,
        /** Written, but not read back equal: nothing of it was published. */
        UNCONFIRMED,
        /** Minting or writing failed: nothing of it was written. */
        FAILED,
        /** An earlier unit failed, so this one was not minted. */
        NOT_MINTED
    }

    public UnitResult {
        Objects.requireNonNull(plan);
        Objects.requireNonNull(status);
        Objects.requireNonNull(versionBefore);
        Objects.requireNonNull(versionAfter);
        Objects.requireNonNull(reason);
        Objects.requireNonNull(keySet);
    }

    public UnitResult(
            RotationPlan plan,
            Status status,
            Optional<Long> versionBefore,
            Optional<Long> versionAfter,
            Optional<String> reason) {
        this(plan, status, versionBefore, versionAfter, reason, Optional.empty());
    }

    /**
     * What a rollover did to a key's set: no value, only public key ids.
     *
     * @param variable the variable that publishes the set
     * @param phase {@code one phase}, {@code phase 1 of 2} or {@code phase 2 of 2}
     * @param kidsBefore the set's key ids before, as published
     * @param kidsAfter after, signing key first
     */
    public record KeySetChange(String variable, String phase, List<String> kidsBefore, List<String> kidsAfter) {
        public KeySetChange {
            kidsBefore = List.copyOf(kidsBefore);
            kidsAfter = List.copyOf(kidsAfter);
        }
    }

    UnitResult withKeySet(Optional<KeySetChange> change) {
        return new UnitResult(plan, status, versionBefore, versionAfter, reason, change);
    }

    static UnitResult planned(RotationPlan plan, Optional<Long> before) {
        return new UnitResult(plan, Status.PLANNED, before, Optional.empty(), Optional.empty());
    }

    static UnitResult stored(RotationPlan plan, Optional<Long> before, long after) {
        return new UnitResult(plan, Status.STORED, before, Optional.of(after), Optional.empty());
    }

    static UnitResult unconfirmed(RotationPlan plan, Optional<Long> before, long after, String reason) {
        return new UnitResult(plan, Status.UNCONFIRMED, before, Optional.of(after), Optional.of(reason));
    }

    static UnitResult failed(RotationPlan plan, Optional<Long> before, String reason) {
        return new UnitResult(plan, Status.FAILED, before, Optional.empty(), Optional.of(reason));
    }

    static UnitResult notMinted(RotationPlan plan, Optional<Long> before, String reason) {
        return new UnitResult(plan, Status.NOT_MINTED, before, Optional.empty(), Optional.of(reason));
    }

    public boolean stored() {
        return status == Status.STORED;
    }

    /** Nothing of it was written: a rotate command finishes it. */
    public boolean notDone() {
        return status == Status.FAILED || status == Status.NOT_MINTED;
    }
}

package dev.spectral.provision.rotate;

import dev.spectral.generators.GeneratorRegistry;
import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.OpReference;
import dev.spectral.provision.keyset.InvalidKeyException;
import dev.spectral.provision.keyset.KeySetNames;
import dev.spectral.provision.keyset.Rollover;
import dev.spectral.provision.log.Log;
import dev.spectral.provision.onepassword.OnePassword;
import dev.spectral.provision.onepassword.OnePassword.ItemValues;
import dev.spectral.provision.publish.ProvisionException;
import dev.spectral.provision.publish.ProvisionOutcome;
import dev.spectral.provision.publish.ProvisionRequest;
import dev.spectral.provision.publish.Provisioner;
import dev.spectral.provision.secret.Redactor;
import dev.spectral.provision.secret.SecretValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Rotates the selected keys, staged like the rotation of trusted secret stores: show one plan and ask
 * once; then, key by key, mint the value, store it in 1Password (refusing if the item changed since
 * the plan was shown) and read it back; only then republish, once, every environment that reads a
 * stored key, through the provisioning path. A failure stops the minting; what is stored is never
 * lost: it is republished, and the outcome names the commands that finish the rest.
 */
public final class Rotator {

    private final OnePassword onePassword;
    private final UnitWriter writer;
    private final Provisioner provisioner;
    private final GeneratorRegistry generators;
    private final Terminal terminal;
    private final NewValue newValue;
    private final Map<String, String> environment;
    private final Redactor redactor;
    private final Clock clock;
    private final Log log;

    public Rotator(
            OnePassword onePassword,
            Provisioner provisioner,
            GeneratorRegistry generators,
            Terminal terminal,
            Map<String, String> environment,
            Redactor redactor,
            Clock clock,
            Log log) {
        this.onePassword = onePassword;
        this.writer = new UnitWriter(onePassword);
        this.provisioner = provisioner;
        this.generators = generators;
        this.terminal = terminal;
        this.newValue = new NewValue(terminal, environment, redactor, clock);
        this.environment = environment;
        this.redactor = redactor;
        this.clock = clock;
        this.log = log;
    }

    public RotationOutcome rotate(Config config, RotationRequest request) throws RotationException {
        long start = System.nanoTime();
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        UnitSelector.Selected selected = UnitSelector.select(
                config, request.selection(), generators, request.publishing().localEnvironments());
        if (request.since().filter(since -> since.isAfter(at)).isPresent()) {
            throw new RotationException(
                    RotationException.Cause.CONFIGURATION,
                    "-Dspectral.rotate.since (" + request.since().get() + ") is after the time of this run (" + at
                            + "); nothing was written");
        }
        RotationRun run = new RotationRun(
                request.selection(),
                config.file(),
                at,
                request.since(),
                request.valueFrom(),
                request.dryRun(),
                request.rollover());
        Map<OpReference, Optional<ItemValues>> alreadyRead = Map.of();
        if (request.selection().due()) {
            DueKeys due = new DueKeys(onePassword, writer, log);
            selected = due.select(selected, at);
            alreadyRead = due.itemsRead();
            if (selected.units().isEmpty()) {
                return new RotationOutcome(
                        run, List.of(), List.of(), Optional.empty(), Optional.empty(), since(start), Optional.empty());
            }
        }
        ValueFrom valueFrom = ValueFrom.check(request.valueFrom(), selected.units());
        UnitWriter.Reads reads = writer.read(selected.units(), alreadyRead);
        Map<String, Optional<Long>> versions = reads.versions();
        Rollovers rollovers = Rollovers.plan(selected.units(), reads, request, at, log);
        selected = rollovers.phased(selected);
        List<RotationPlan> units = selected.units();
        List<String> republish = republish(config, units);
        show(request.selection(), selected, versions, rollovers, republish);
        if (request.dryRun()) {
            return dryRun(run, selected, versions, rollovers, valueFrom, republish, start);
        }
        List<String> missing = valueFrom.missing(units, environment);
        if (!missing.isEmpty()) {
            throw ValueFrom.missingProblem(missing);
        }
        confirm(units, request);
        Minting minting = new Minting(run, units, versions, rollovers, valueFrom);
        minting.run();
        RotationOutcome outcome = new RotationOutcome(
                run,
                minting.results,
                selected.untouched(),
                Optional.empty(),
                Optional.empty(),
                since(start),
                minting.stop);
        if (minting.results.stream().noneMatch(UnitResult::stored) && minting.stop.isPresent()) {
            RotationException stop = minting.stop.get();
            throw stop.withOutcome(
                    units.size() == 1
                            ? stop.getMessage()
                            : stop.getMessage() + " [" + units.get(0).label() + "; the other " + (units.size() - 1)
                                    + " key(s) were not minted]",
                    outcome);
        }
        return republish(config, request, outcome, start);
    }

    private void show(
            Selection selection,
            UnitSelector.Selected selected,
            Map<String, Optional<Long>> versions,
            Rollovers rollovers,
            List<String> republish) {
        List<RotationPlan> units = selected.units();
        if (units.size() == 1) {
            RotationPlan unit = units.get(0);
            Optional<Long> before = versions.get(unit.target().itemId());
            unit.render(
                            before.map(v -> "item exists, version " + v)
                                    .orElse("item does not exist yet: it will be created"),
                            rollovers.describe(unit))
                    .forEach(log::info);
            RotationTable.untouched(selected.untouched()).forEach(log::info);
        } else {
            RotationTable.render(selection, units, versions, selected.untouched(), republish)
                    .forEach(log::info);
            for (RotationPlan unit : units) {
                List<String> lines = rollovers.describe(unit);
                if (!lines.isEmpty()) {
                    log.info(unit.label() + ":");
                    lines.forEach(line -> log.info("  " + line));
                }
            }
        }
    }

    /** Each unit's generator runs once, its value discarded; nothing is asked and nothing written. */
    private RotationOutcome dryRun(
            RotationRun run,
            UnitSelector.Selected selected,
            Map<String, Optional<Long>> versions,
            Rollovers rollovers,
            ValueFrom valueFrom,
            List<String> republish,
            long start)
            throws RotationException {
        List<RotationPlan> units = selected.units();
        List<UnitResult> results = new ArrayList<>();
        for (RotationPlan unit : units) {
            boolean mints = rollovers.of(unit).map(Rollover::mints).orElse(true);
            if (!unit.spec().isPrompt() && mints) {
                newValue.generate(generators.find(unit.spec().generator()).orElseThrow(), unit);
                log.info("Dry run: generator '" + unit.spec().generator() + "' works"
                        + (units.size() == 1 ? "" : " for " + unit.label()) + "; its value was discarded.");
            }
            results.add(UnitResult.planned(unit, versions.get(unit.target().itemId())));
        }
        valueFrom
                .missing(units, environment)
                .forEach(
                        name -> log.warn(
                                "Dry run: environment variable " + name
                                        + " (spectral.valueFrom) is not set or empty: the rotation would stop before writing anything."));
        String publish = republish.isEmpty() ? "nothing" : String.join(", ", republish);
        log.info(
                units.size() == 1
                        ? "Dry run: would write " + units.get(0).writtenPath()
                                + (units.get(0).keySet() ? " and its key set" : "") + " in 1Password and republish "
                                + publish
                                + ". Nothing was written."
                        : "Dry run: would write " + units.size() + " keys"
                                + (units.stream().anyMatch(RotationPlan::keySet) ? " (and their key sets)" : "")
                                + " in 1Password and republish " + publish
                                + (republish.isEmpty() ? "" : " once each") + ". Nothing was written.");
        return new RotationOutcome(
                run, results, selected.untouched(), Optional.empty(), Optional.empty(), since(start), Optional.empty());
    }

    private void confirm(List<RotationPlan> units, RotationRequest request) throws RotationException {
        if (request.assumeYes()) {
            return;
        }
        String what = units.size() == 1 ? units.get(0).key() : units.size() + " keys";
        if (!terminal.interactive()) {
            throw new RotationException(
                    RotationException.Cause.CONFIGURATION,
                    "rotating " + what
                            + " needs confirmation, and there is no console to ask (batch mode or CI): pass -Dyes to confirm. Nothing was written");
        }
        String question = units.size() == 1 ? "Rotate " + what + "? [y/N] " : "Rotate these " + what + "? [y/N] ";
        String answer = terminal.readLine(question).orElse("").strip().toLowerCase(Locale.ROOT);
        if (!answer.equals("y") && !answer.equals("yes")) {
            throw new RotationException(
                    RotationException.Cause.CONFIGURATION, "rotation of " + what + " cancelled; nothing was written");
        }
    }

    /** Unit by unit: mint, store (check-and-set, chained through the run's own writes to one item), read back; stop at a failure. */
    private final class Minting {
        private final RotationRun run;
        private final List<RotationPlan> units;
        private final Map<String, Optional<Long>> expected;
        private final Rollovers rollovers;
        private final ValueFrom valueFrom;
        private final List<UnitResult> results = new ArrayList<>();
        private Optional<RotationException> stop = Optional.empty();

        Minting(
                RotationRun run,
                List<RotationPlan> units,
                Map<String, Optional<Long>> versions,
                Rollovers rollovers,
                ValueFrom valueFrom) {
            this.run = run;
            this.units = units;
            this.expected = new HashMap<>(versions);
            this.rollovers = rollovers;
            this.valueFrom = valueFrom;
        }

        void run() {
            for (RotationPlan unit : units) {
                Optional<Long> before = expected.get(unit.target().itemId());
                if (stop.isPresent()) {
                    results.add(UnitResult.notMinted(unit, before, "not minted: an earlier key failed"));
                    continue;
                }
                try {
                    Fields planned = fields(unit);
                    Map<OpReference, Optional<SecretValue>> fields = planned.fields();
                    long after = writer.store(unit.target(), before, fields);
                    expected.put(unit.target().itemId(), Optional.of(after));
                    try {
                        Map<OpReference, SecretValue> written = new LinkedHashMap<>();
                        fields.forEach((field, value) -> value.ifPresent(v -> written.put(field, v)));
                        writer.readBack(written);
                    } catch (RotationException e) {
                        failed(e, UnitResult.unconfirmed(unit, before, after, redactor.redact(e.getMessage())));
                        continue;
                    }
                    results.add(UnitResult.stored(unit, before, after).withKeySet(planned.keySet()));
                    planned.keySet()
                            .ifPresent(change -> log.info(unit.label() + ": " + change.phase()
                                    + " done; the key set " + change.variable() + " now holds "
                                    + String.join(
                                            ", ",
                                            change.kidsAfter().stream()
                                                    .map(Rollover::shortKid)
                                                    .toList())));
                    announce(unit, before, after);
                } catch (RotationException e) {
                    failed(e, UnitResult.failed(unit, before, redactor.redact(e.getMessage())));
                }
            }
        }

        /** The fields a unit writes (its new value, or for a key with a set, the rollover's), and what the set becomes. */
        private Fields fields(RotationPlan unit) throws RotationException {
            Optional<Rollover> planned = rollovers.of(unit);
            if (unit.spec().isPrompt()) {
                SecretValue typed =
                        newValue.prompted(units.size() == 1 ? unit.key() : unit.label(), valueFrom.forUnit(unit));
                return new Fields(Map.of(unit.target(), Optional.of(typed)), Optional.empty());
            }
            Optional<SecretValue> minted = planned.map(Rollover::mints).orElse(true)
                    ? Optional.of(newValue.generate(
                            generators.find(unit.spec().generator()).orElseThrow(), unit))
                    : Optional.empty();
            if (planned.isEmpty()) {
                return new Fields(Map.of(unit.target(), minted), Optional.empty());
            }
            Rollover rollover = planned.get();
            try {
                Rollover.Writes writes = rollover.writes(minted, redactor);
                return new Fields(
                        writes.fields(),
                        Optional.of(new UnitResult.KeySetChange(
                                KeySetNames.variable(unit.key()),
                                rollover.phase().toString(),
                                rollover.kidsNow(),
                                writes.kidsAfter())));
            } catch (InvalidKeyException e) {
                throw new RotationException(
                        RotationException.Cause.TOOL,
                        "generator '" + unit.spec().generator() + "' made a key for " + unit.label()
                                + " that cannot join its key set: " + e.getMessage() + "; nothing was written",
                        e);
            }
        }

        private void failed(RotationException e, UnitResult result) {
            results.add(result);
            stop = Optional.of(e);
            if (units.size() > 1) {
                log.error(result.plan().label() + ": " + result.reason().orElse("")
                        + ". The keys after it are not minted"
                        + (results.stream().anyMatch(UnitResult::stored) ? "; those stored are republished." : "."));
            }
        }

        /** What a run interrupted right now would leave, and the commands that would finish it. */
        private void announce(RotationPlan unit, Optional<Long> before, long after) {
            List<String> republish = new ArrayList<>();
            results.stream()
                    .filter(UnitResult::stored)
                    .flatMap(r -> r.plan().republish().stream())
                    .filter(env -> !republish.contains(env))
                    .forEach(republish::add);
            // Phase 1 of a two-phase rollover leaves the key's own field alone: the new key goes to <field>-next.
            boolean nextKey = unit.publishesNextKeyOnly();
            String stored = unit.writtenPath();
            if (units.size() == 1) {
                log.info((nextKey ? "The next key of " : "The new value of ") + unit.key()
                        + " is stored in 1Password at " + stored + "."
                        + (unit.republish().isEmpty()
                                ? ""
                                : " If this run stops now, finish with: mvn spectral:provision -Denv="
                                        + String.join(",", unit.republish())));
                return;
            }
            List<RotationPlan> rest = units.subList(units.indexOf(unit) + 1, units.size());
            List<String> commands = FinishCommands.of(republish, rest, run);
            log.info("Stored " + (nextKey ? "the next key of " : "") + unit.label() + " in 1Password at " + stored
                    + " ("
                    + RotationTable.version(before)
                    + " -> " + after + ")."
                    + (commands.isEmpty()
                            ? ""
                            : " If this run stops now, finish with: " + String.join(", then ", commands)));
        }
    }

    /** What a unit writes, and the line that tells what its key set became. */
    private record Fields(Map<OpReference, Optional<SecretValue>> fields, Optional<UnitResult.KeySetChange> keySet) {}

    /** One provisioning of every environment that reads a stored unit: one op run, one GitHub pass per environment. */
    private RotationOutcome republish(Config config, RotationRequest request, RotationOutcome stored, long start) {
        List<String> environments = stored.republish();
        if (environments.isEmpty()) {
            return with(stored, Optional.empty(), Optional.empty(), start);
        }
        ProvisionRequest publish = request.publishing()
                .forEnvironments(
                        String.join(",", environments), ProvisionRequest.Option.DRY_RUN, ProvisionRequest.Option.PRUNE);
        try {
            return with(stored, Optional.of(provisioner.provision(config, publish)), Optional.empty(), start);
        } catch (ProvisionException e) {
            log.error("Republishing failed: " + e.getMessage());
            return with(stored, Optional.empty(), Optional.of(e.getMessage()), start);
        }
    }

    private static RotationOutcome with(
            RotationOutcome stored, Optional<ProvisionOutcome> publish, Optional<String> error, long start) {
        return new RotationOutcome(
                stored.run(), stored.units(), stored.untouched(), publish, error, since(start), stored.stoppedBy());
    }

    /** The published environments that read any unit's target, in file order. */
    private static List<String> republish(Config config, List<RotationPlan> units) {
        return config.environmentNames().stream()
                .filter(env -> units.stream().anyMatch(u -> u.republish().contains(env)))
                .toList();
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}

package dev.spectral.provision.rotate;

import dev.spectral.generators.GeneratorRegistry;
import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.Entry;
import dev.spectral.provision.config.Environment;
import dev.spectral.provision.config.OpReference;
import dev.spectral.provision.config.RotationSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a {@link Selection} into units, one {@link RotationPlan} each: a named key is planned as a
 * single-key rotation is; a selector takes every {@code shared} key once and every {@code per-env}
 * key once per environment that references it, then keeps the units whose target the selector
 * matches. No two units may write the same 1Password field.
 */
final class UnitSelector {

    /** The units, in plan order, and what a selector reaches that they do not write. */
    record Selected(List<RotationPlan> units, List<Untouched> untouched) {}

    private UnitSelector() {}

    static Selected select(Config config, Selection selection, GeneratorRegistry generators, Set<String> local)
            throws RotationException {
        List<RotationPlan> units = new ArrayList<>();
        if (selection.named()) {
            for (String key : selection.keys()) {
                units.add(RotationPlanner.plan(config, key, selection.environment(), generators, local));
            }
            checkDistinctTargets(units);
            return new Selected(units, List.of());
        }
        Optional<String> env = selection.environment();
        if (env.isPresent() && config.environment(env.get()).isEmpty()) {
            throw problem("unknown environment '" + env.get() + "' in -Denv; " + config.file() + " has: "
                    + String.join(", ", config.environmentNames()));
        }
        for (RotationSpec spec : config.rotations()) {
            for (RotationPlan candidate : candidates(config, spec, generators, local)) {
                if (env.map(e -> candidate.readers().contains(e)).orElse(true)
                        && matches(selection, candidate.target())) {
                    units.add(candidate);
                }
            }
        }
        if (units.isEmpty()) {
            throw problem("no rotatable key matches " + selection.text() + ": "
                    + reachable(config, selection, generators, local));
        }
        checkDistinctTargets(units);
        return new Selected(units, untouched(config, selection, units));
    }

    private static List<RotationPlan> candidates(
            Config config, RotationSpec spec, GeneratorRegistry generators, Set<String> local)
            throws RotationException {
        List<Environment> holders = RotationPlanner.holders(config, spec.key());
        if (holders.isEmpty()) {
            return List.of();
        }
        if (spec.scope() == RotationSpec.Scope.SHARED) {
            return List.of(RotationPlanner.plan(config, spec.key(), Optional.empty(), generators, local));
        }
        List<RotationPlan> plans = new ArrayList<>();
        for (Environment holder : holders) {
            plans.add(RotationPlanner.plan(config, spec.key(), Optional.of(holder.name()), generators, local));
        }
        return plans;
    }

    private static boolean matches(Selection selection, OpReference reference) {
        if (selection.item().isPresent()) {
            return reference.itemId().equals(selection.item().get().toLowerCase(Locale.ROOT));
        }
        return selection.vault().map(v -> v.equalsIgnoreCase(reference.vault())).orElse(true);
    }

    /** Two units writing one field would mint two values for it, and the second would overwrite the first. */
    private static void checkDistinctTargets(List<RotationPlan> units) throws RotationException {
        Map<OpReference, RotationPlan> seen = new LinkedHashMap<>();
        for (RotationPlan unit : units) {
            RotationPlan twin = seen.putIfAbsent(unit.target(), unit);
            if (twin != null) {
                throw problem(
                        twin.label() + " and " + unit.label() + " both write " + unit.targetPath()
                                + " in 1Password: one run cannot give one field two new values. Select one of them; nothing was written");
            }
        }
    }

    /** The secrets within the selector's reach (environment, item or vault) that no unit writes. */
    private static List<Untouched> untouched(Config config, Selection selection, List<RotationPlan> units) {
        Set<OpReference> written = new java.util.HashSet<>();
        units.forEach(u -> written.add(u.target()));
        List<Untouched> untouched = new ArrayList<>();
        for (Environment env : config.environments()) {
            if (selection.environment().map(e -> !e.equals(env.name())).orElse(false)) {
                continue;
            }
            for (Entry entry : env.secrets()) {
                OpReference reference = entry.reference().orElseThrow();
                if (matches(selection, reference) && !written.contains(reference)) {
                    untouched.add(new Untouched(
                            env.name(),
                            entry.key(),
                            reference,
                            config.rotation(entry.key()).isPresent()
                                    ? "the shared rotation of " + entry.key() + " writes another item"
                                    : "no [rotation] spec"));
                }
            }
        }
        return untouched;
    }

    /** For a selector that matched nothing: the items (or vaults) the rotatable keys do read. */
    private static String reachable(Config config, Selection selection, GeneratorRegistry generators, Set<String> local)
            throws RotationException {
        Set<String> items = new TreeSet<>();
        for (RotationSpec spec : config.rotations()) {
            for (RotationPlan candidate : candidates(config, spec, generators, local)) {
                if (selection
                        .environment()
                        .map(e -> candidate.readers().contains(e))
                        .orElse(true)) {
                    items.add(selection.vault().isPresent() ? candidate.target().vault() : candidate.itemPath());
                }
            }
        }
        return items.isEmpty()
                ? "no key with a [rotation] spec is referenced there; nothing was written"
                : "the rotatable keys"
                        + selection.environment().map(e -> " of " + e).orElse("") + " read " + String.join(", ", items)
                        + "; nothing was written";
    }

    private static RotationException problem(String message) {
        return new RotationException(RotationException.Cause.CONFIGURATION, message);
    }
}

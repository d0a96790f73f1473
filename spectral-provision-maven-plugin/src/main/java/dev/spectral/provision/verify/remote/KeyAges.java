package dev.spectral.provision.verify.remote;

import dev.spectral.provision.config.Age;
import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.Entry;
import dev.spectral.provision.config.Environment;
import dev.spectral.provision.config.Finding;
import dev.spectral.provision.config.OpReference;
import dev.spectral.provision.config.RotationSpec;
import dev.spectral.provision.publish.SecretFreshness;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A warning for each key whose 1Password item is older than the max age in its {@code [rotation]}
 * spec, from the item listing verify reads anyway (no extra call). The same rule as
 * {@code spectral:rotate -Dkey=due}.
 */
final class KeyAges {

    private KeyAges() {}

    /**
     * @param local environments written to a .env: a {@code shared} key is rotated in the item the
     *     published environments read, so a local environment's own item is not its age
     */
    static List<Finding> check(Config config, Set<String> local, SecretFreshness items, Instant now) {
        List<Finding> findings = new ArrayList<>();
        for (RotationSpec spec : config.rotations()) {
            if (spec.maxAge().isEmpty()) {
                continue;
            }
            Age maxAge = spec.maxAge().get();
            Set<OpReference> seen = new LinkedHashSet<>();
            for (Environment env : config.environments()) {
                Entry entry = env.entry(spec.key()).orElse(null);
                boolean sharedLocal = spec.scope() == RotationSpec.Scope.SHARED && local.contains(env.name());
                if (entry == null
                        || entry.reference().isEmpty()
                        || sharedLocal
                        || !seen.add(entry.reference().get())) {
                    continue;
                }
                OpReference ref = entry.reference().get();
                items.itemUpdated(ref)
                        .filter(updated -> maxAge.reached(updated, now))
                        .ifPresent(updated -> findings.add(Finding.warning(
                                "rotation-due",
                                spec.position(),
                                spec.scope() == RotationSpec.Scope.PER_ENV ? env.name() : null,
                                spec.key(),
                                "due for rotation: its 1Password item " + ref.vault() + "/" + ref.item()
                                        + " last changed " + updated + ", " + Age.since(updated, now)
                                        + " ago; the max age is " + maxAge,
                                "mvn spectral:rotate -Dkey=" + spec.key()
                                        + (spec.scope() == RotationSpec.Scope.PER_ENV ? " -Denv=" + env.name() : "")
                                        + " (or -Dkey=due for every key that is due)")));
            }
        }
        return findings;
    }
}

package dev.spectral.provision.verify;

import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.Entry;
import dev.spectral.provision.config.Environment;
import dev.spectral.provision.config.Finding;
import dev.spectral.provision.config.OpReference;
import dev.spectral.provision.config.RotationSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rotated key must be something rotation can write: an {@code op://} reference in at least one
 * environment. {@code shared} keys read one value, so every published environment points at the same
 * reference (a local environment keeps its own dev-tier item); {@code per-env} keys read one value per
 * environment, so no two environments share a reference.
 */
public final class RotationTargetCheck implements Check {

    @Override
    public List<Finding> check(Config config, VerifySettings settings) {
        List<Finding> findings = new ArrayList<>();
        for (RotationSpec spec : config.rotations()) {
            List<Located> refs = new ArrayList<>();
            for (Environment env : config.environments()) {
                Optional<Entry> entry = env.entry(spec.key());
                if (entry.isEmpty()) {
                    continue;
                }
                if (entry.get().isSecret()) {
                    refs.add(new Located(env, entry.get()));
                } else if (!settings.isLocal(env.name())) {
                    findings.add(Finding.warning(
                            "rotation-target",
                            entry.get().position(),
                            env.name(),
                            spec.key(),
                            "the key is rotated but is a literal here, so rotation will not change it in [" + env.name()
                                    + "]",
                            "reference the rotated 1Password item instead of a literal"));
                }
            }
            if (refs.isEmpty()) {
                findings.add(Finding.error(
                        "rotation-target",
                        spec.position(),
                        null,
                        spec.key(),
                        "the key has a rotation spec but no environment references it with op://, and a literal cannot be rotated",
                        "add " + spec.key()
                                + " = \"op://<vault>/<item>/<field>\" to an environment, or remove the spec"));
            } else if (spec.scope() == RotationSpec.Scope.SHARED) {
                checkShared(spec, refs, settings, findings);
            } else {
                checkPerEnv(spec, refs, findings);
            }
        }
        return findings;
    }

    private static void checkShared(
            RotationSpec spec, List<Located> refs, VerifySettings settings, List<Finding> findings) {
        List<Located> published =
                refs.stream().filter(r -> !settings.isLocal(r.env().name())).toList();
        if (published.isEmpty()) {
            return;
        }
        Located first = published.get(0);
        for (Located other : published.subList(1, published.size())) {
            if (!other.reference().equals(first.reference())) {
                findings.add(Finding.error(
                        "rotation-target",
                        other.entry().position(),
                        other.env().name(),
                        spec.key(),
                        "the key is rotated as shared, but references " + other.reference() + " here and "
                                + first.reference() + " in [" + first.env().name() + "]",
                        "point every environment at one item, or declare the key \"" + spec.generator()
                                + ":per-env\""));
            }
        }
    }

    private static void checkPerEnv(RotationSpec spec, List<Located> refs, List<Finding> findings) {
        Map<OpReference, Located> seen = new HashMap<>();
        for (Located ref : refs) {
            Located twin = seen.putIfAbsent(ref.reference(), ref);
            if (twin != null) {
                findings.add(Finding.error(
                        "rotation-target",
                        ref.entry().position(),
                        ref.env().name(),
                        spec.key(),
                        "the key is rotated per-env, but [" + ref.env().name() + "] and ["
                                + twin.env().name() + "] both reference " + ref.reference(),
                        "give each environment its own item, or declare the key \"" + spec.generator() + ":shared\""));
            }
        }
    }

    private record Located(Environment env, Entry entry) {
        OpReference reference() {
            return entry.reference().orElseThrow();
        }
    }
}

package dev.spectral.provision.rotate;

import dev.spectral.provision.config.OpReference;
import dev.spectral.provision.config.RotationSpec;
import dev.spectral.provision.keyset.KeySetNames;
import dev.spectral.provision.keyset.Rollover;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rotation will do, shown before anything is written.
 *
 * @param spec the key's {@code [rotation]} spec
 * @param generatorDescription the generator's one-line description; empty for {@code prompt}
 * @param environment the environment of a {@code per-env} rotation
 * @param target the 1Password field that receives the new value
 * @param republish the published environments that read the target, republished whole
 * @param localEnvironments local environments that read the target: their .env is refreshed by provisioning them
 * @param keySet the generator produces a private JWK: the key has a public key set, rolled over with it
 * @param phase for a key with a set, what the rollover does, once the key's item has been read
 */
public record RotationPlan(
        RotationSpec spec,
        Optional<String> generatorDescription,
        Optional<String> environment,
        OpReference target,
        List<String> republish,
        List<String> localEnvironments,
        boolean keySet,
        Optional<Rollover.Phase> phase) {

    public RotationPlan {
        republish = List.copyOf(republish);
        localEnvironments = List.copyOf(localEnvironments);
        Objects.requireNonNull(phase);
    }

    /** A plan made before the key's item was read: its rollover phase is not known yet. */
    public RotationPlan(
            RotationSpec spec,
            Optional<String> generatorDescription,
            Optional<String> environment,
            OpReference target,
            List<String> republish,
            List<String> localEnvironments,
            boolean keySet) {
        this(spec, generatorDescription, environment, target, republish, localEnvironments, keySet, Optional.empty());
    }

    /** The plan with the phase its rollover runs. */
    RotationPlan withPhase(Rollover.Phase rolloverPhase) {
        return new RotationPlan(
                spec,
                generatorDescription,
                environment,
                target,
                republish,
                localEnvironments,
                keySet,
                Optional.of(rolloverPhase));
    }

    /** Phase 1 of a two-phase rollover: the key that signs does not change in this run. */
    public boolean publishesNextKeyOnly() {
        return phase.filter(p -> p == Rollover.Phase.PREPARE).isPresent();
    }

    public String key() {
        return spec.key();
    }

    /** The key, and for a {@code per-env} rotation its environment: {@code KEY [production]}. */
    public String label() {
        return key() + environment.map(e -> " [" + e + "]").orElse("");
    }

    /** The environments that read the target: published, then local. */
    public List<String> readers() {
        List<String> readers = new ArrayList<>(republish);
        readers.addAll(localEnvironments);
        return readers;
    }

    /** The 1Password item written, as vault/item. */
    public String itemPath() {
        return target.vault() + "/" + target.item();
    }

    /** Where the value lives, as vault/item/[section/]field. */
    public String targetPath() {
        return target.vault() + "/" + target.item() + "/"
                + target.section().map(s -> s + "/").orElse("") + target.field();
    }

    /** Where the new key goes: the target, or beside it in phase 1 of a rollover, as vault/item/[section/]field. */
    public String writtenPath() {
        return publishesNextKeyOnly() ? targetPath() + KeySetNames.NEXT_FIELD_SUFFIX : targetPath();
    }

    public List<String> followUps() {
        List<String> steps = new ArrayList<>();
        if (!republish.isEmpty()) {
            steps.add("Redeploy " + String.join(", ", republish)
                    + (publishesNextKeyOnly()
                            ? " so that its verifiers get the key set with the next key."
                            : " so the new value reaches the running systems."));
        }
        steps.addAll(keySteps());
        return steps;
    }

    /** The follow-ups of this key other than redeploying: revoke, key rollover, recycle, local .env. */
    public List<String> keySteps() {
        List<String> steps = new ArrayList<>();
        if (spec.isPrompt()) {
            steps.add("Revoke the old value at the vendor once the new one is live.");
        }
        if (publishesNextKeyOnly()) {
            steps.add("Verifiers read the public key set " + KeySetNames.variable(key())
                    + ": let every one fetch it again; the signers keep the current key.");
            steps.add("Then promote the next key (phase 2): mvn spectral:rotate -Dkey=" + key()
                    + environment.map(e -> " -Denv=" + e).orElse(""));
            localEnvironments.forEach(env -> steps.add("Refresh the local .env: mvn spectral:provision -Denv=" + env));
            return steps;
        }
        if (keySet) {
            steps.add("Verifiers read the public key set " + KeySetNames.variable(key())
                    + ": deploy them with it (or let them fetch it again) no later than the signers.");
        }
        steps.add("Recycle containers that read " + key() + " at boot: they keep the old value until they restart.");
        localEnvironments.forEach(env -> steps.add("Refresh the local .env: mvn spectral:provision -Denv=" + env));
        return steps;
    }

    /**
     * The plan as lines for the log.
     *
     * @param rollover the key set's lines, shown before the follow-ups; empty for a key without a set
     */
    public List<String> render(String targetState, List<String> rollover) {
        List<String> lines = new ArrayList<>();
        lines.add("Rotation plan:");
        lines.add("  key:          " + key());
        lines.add("  generator:    "
                + (spec.isPrompt()
                        ? "prompt (the value is typed in or read from spectral.valueFrom)"
                        : spec.generator() + " - " + generatorDescription.orElse("")));
        lines.add("  scope:        " + spec.scope()
                + environment.map(e -> " (" + e + ")").orElse(""));
        lines.add("  1Password:    " + targetPath() + " (" + targetState + ")");
        lines.add("  republish:    " + (republish.isEmpty() ? "(none)" : String.join(", ", republish)));
        rollover.forEach(line -> lines.add("  " + line));
        lines.add("  then:");
        followUps().forEach(step -> lines.add("    - " + step));
        return lines;
    }
}

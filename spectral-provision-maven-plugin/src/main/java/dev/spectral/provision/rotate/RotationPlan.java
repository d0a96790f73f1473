package dev.spectral.provision.rotate;

import dev.spectral.provision.config.OpReference;
import dev.spectral.provision.config.RotationSpec;
import dev.spectral.provision.keyset.KeySetNames;
import java.util.ArrayList;
import java.util.List;
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
 */
public record RotationPlan(
        RotationSpec spec,
        Optional<String> generatorDescription,
        Optional<String> environment,
        OpReference target,
        List<String> republish,
        List<String> localEnvironments,
        boolean keySet) {

    public RotationPlan {
        republish = List.copyOf(republish);
        localEnvironments = List.copyOf(localEnvironments);
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

    public List<String> followUps() {
        List<String> steps = new ArrayList<>();
        if (!republish.isEmpty()) {
            steps.add("Redeploy " + String.join(", ", republish) + " so the new value reaches the running systems.");
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

package dev.spectral.provision.rotate;

import dev.spectral.generators.GeneratorRegistry;
import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.OpReference;
import dev.spectral.provision.log.Log;
import dev.spectral.provision.onepassword.ItemChangedException;
import dev.spectral.provision.onepassword.OnePassword;
import dev.spectral.provision.onepassword.OnePasswordException;
import dev.spectral.provision.publish.ProvisionException;
import dev.spectral.provision.publish.ProvisionOutcome;
import dev.spectral.provision.publish.ProvisionRequest;
import dev.spectral.provision.publish.Provisioner;
import dev.spectral.provision.secret.Redactor;
import dev.spectral.provision.secret.SecretValue;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Rotates one key, staged like the rotation of trusted secret stores: show the plan and ask; mint
 * the value; store it in 1Password, refusing if the item changed since the plan was shown; read it
 * back and compare; only then republish every environment that reads it, through the provisioning
 * path. Once stored, the value is never lost: a failed or interrupted republish is finished by
 * provisioning those environments, which the run prints.
 */
public final class Rotator {

    private final OnePassword onePassword;
    private final Provisioner provisioner;
    private final GeneratorRegistry generators;
    private final Terminal terminal;
    private final NewValue newValue;
    private final Log log;

    public Rotator(OnePassword onePassword, Provisioner provisioner, GeneratorRegistry generators, Terminal terminal,
            Map<String, String> environment, Redactor redactor, Clock clock, Log log) {
        this.onePassword = onePassword;
        this.provisioner = provisioner;
        this.generators = generators;
        this.terminal = terminal;
        this.newValue = new NewValue(terminal, environment, redactor, clock);
        this.log = log;
    }

    public RotationOutcome rotate(Config config, RotationRequest request) throws RotationException {
        long start = System.nanoTime();
        RotationPlan plan = RotationPlanner.plan(config, request, generators, request.publishing().localEnvironments());
        OpReference target = plan.target();
        Optional<Long> before = version(target);
        plan.render(before.map(v -> "item exists, version " + v).orElse("item does not exist yet: it will be created"))
                .forEach(log::info);

        if (request.dryRun()) {
            if (!plan.spec().isPrompt()) {
                newValue.generate(generators.find(plan.spec().generator()).orElseThrow(), plan);
                log.info("Dry run: generator '" + plan.spec().generator() + "' works; its value was discarded.");
            }
            log.info("Dry run: would write " + plan.targetPath() + " in 1Password and republish "
                    + (plan.republish().isEmpty() ? "nothing" : String.join(", ", plan.republish())) + ". Nothing was written.");
            return new RotationOutcome(plan, false, Optional.empty(), Optional.empty(), true, since(start));
        }
        confirm(plan, request);
        SecretValue value = plan.spec().isPrompt() ? newValue.prompted(plan, request.valueFrom())
                : newValue.generate(generators.find(plan.spec().generator()).orElseThrow(), plan);

        store(target, before, value);
        readBack(target, value);
        log.info("The new value of " + plan.key() + " is stored in 1Password at " + plan.targetPath() + "."
                + (plan.republish().isEmpty() ? "" : " If this run stops now, finish with: mvn spectral:provision -Denv="
                        + String.join(",", plan.republish())));
        return republish(config, request, plan, start);
    }

    private void confirm(RotationPlan plan, RotationRequest request) throws RotationException {
        if (request.assumeYes()) {
            return;
        }
        if (!terminal.interactive()) {
            throw new RotationException(RotationException.Cause.CONFIGURATION, "rotating " + plan.key()
                    + " needs confirmation, and there is no console to ask (batch mode or CI): pass -Dyes to confirm. Nothing was written");
        }
        String answer = terminal.readLine("Rotate " + plan.key() + "? [y/N] ").orElse("").strip().toLowerCase(Locale.ROOT);
        if (!answer.equals("y") && !answer.equals("yes")) {
            throw new RotationException(RotationException.Cause.CONFIGURATION, "rotation of " + plan.key()
                    + " cancelled; nothing was written");
        }
    }

    private Optional<Long> version(OpReference target) throws RotationException {
        try {
            return onePassword.version(target);
        } catch (OnePasswordException e) {
            throw new RotationException(RotationException.Cause.TOOL, e.getMessage() + "; nothing was written", e);
        }
    }

    /** Check-and-set on the item's version: a concurrent change since the plan was shown is never overwritten. */
    private void store(OpReference target, Optional<Long> before, SecretValue value) throws RotationException {
        try {
            onePassword.write(target, value, before);
        } catch (ItemChangedException e) {
            throw new RotationException(RotationException.Cause.CONFIGURATION, "item " + target.vault() + "/" + target.item()
                    + " changed since the plan was shown (" + e.expected().map(v -> "version " + v).orElse("absent") + ", now "
                    + e.actual().map(v -> "version " + v).orElse("absent")
                    + "): someone else may be rotating it. Nothing was written; check the item's history, then run again", e);
        } catch (OnePasswordException e) {
            throw new RotationException(RotationException.Cause.TOOL, "writing the new value to 1Password failed: "
                    + e.getMessage() + ". Nothing was published; the old value is still live", e);
        }
    }

    /** Through the same resolution path as provisioning: what it will publish is what was written. */
    private void readBack(OpReference target, SecretValue value) throws RotationException {
        SecretValue stored;
        try {
            stored = onePassword.resolve(List.of(target)).get(target);
        } catch (OnePasswordException e) {
            throw new RotationException(RotationException.Cause.TOOL, "the new value was written to 1Password but cannot be read "
                    + "back: " + e.getMessage() + ". Nothing was published; check the item's history in 1Password", e);
        }
        if (!value.equals(stored)) {
            throw new RotationException(RotationException.Cause.TOOL, "1Password returns a different value for " + target
                    + " than was written. Nothing was published; check the item's history in 1Password before running again");
        }
    }

    private RotationOutcome republish(Config config, RotationRequest request, RotationPlan plan, long start) {
        if (plan.republish().isEmpty()) {
            return new RotationOutcome(plan, true, Optional.empty(), Optional.empty(), false, since(start));
        }
        ProvisionRequest publish = request.publishing().forEnvironments(String.join(",", plan.republish()),
                ProvisionRequest.Option.DRY_RUN, ProvisionRequest.Option.PRUNE);
        try {
            ProvisionOutcome outcome = provisioner.provision(config, publish);
            return new RotationOutcome(plan, true, Optional.of(outcome), Optional.empty(), false, since(start));
        } catch (ProvisionException e) {
            log.error("Republishing failed: " + e.getMessage());
            return new RotationOutcome(plan, true, Optional.empty(), Optional.of(e.getMessage()), false, since(start));
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}

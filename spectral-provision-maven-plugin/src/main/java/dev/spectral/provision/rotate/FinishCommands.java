package dev.spectral.provision.rotate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The commands that finish a rotation that stopped part-way: provisioning the environments still
 * behind, and rotating only the units that were not stored, named one by one (a selector is replaced
 * by the keys it picked) and grouped by {@code -Denv}, with the run's own rollover settings (a
 * compromised key finished with the default retention would stay in its set). Running them never
 * rotates a stored key again.
 */
final class FinishCommands {

    private FinishCommands() {}

    static List<String> of(List<String> behind, List<RotationPlan> notDone, RotationRun run) {
        List<String> commands = new ArrayList<>();
        if (!behind.isEmpty()) {
            commands.add("mvn spectral:provision -Denv=" + String.join(",", behind));
        }
        Map<Optional<String>, List<RotationPlan>> groups = new LinkedHashMap<>();
        for (RotationPlan unit : notDone) {
            groups.computeIfAbsent(unit.environment(), e -> new ArrayList<>()).add(unit);
        }
        groups.forEach((env, units) -> {
            StringBuilder command = new StringBuilder("mvn spectral:rotate -Dkey=")
                    .append(String.join(
                            ",", units.stream().map(RotationPlan::key).toList()));
            env.ifPresent(e -> command.append(" -Denv=").append(e));
            if (units.stream().anyMatch(u -> u.spec().isPrompt())) {
                run.valueFrom()
                        .ifPresent(v -> command.append(" -Dspectral.valueFrom=").append(v));
            }
            if (units.stream().anyMatch(RotationPlan::keySet)) {
                if (run.rollover().twoPhase()) {
                    command.append(" -Dspectral.rotate.twoPhase=true");
                }
                if (!run.rollover().retain().equals(RolloverOptions.DEFAULT_RETAIN)) {
                    command.append(" -Dspectral.rotate.retain=")
                            .append(run.rollover().retain());
                }
            }
            run.since()
                    .ifPresent(s -> command.append(" -Dspectral.rotate.since=").append(s));
            commands.add(command.toString());
        });
        return commands;
    }
}

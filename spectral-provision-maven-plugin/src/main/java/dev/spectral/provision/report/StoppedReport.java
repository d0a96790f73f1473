package dev.spectral.provision.report;

/**
 * The report of a goal that stopped before it could plan (bad input, op or gh unusable), so that a
 * CI job always finds a report saying why. The message is already masked.
 *
 * @param goal provision or rotate
 * @param stopped whose move it is: CONFIGURATION or TOOL
 * @param error what stopped it and what to do
 */
public record StoppedReport(String goal, String stopped, String error) {

    public String markdown() {
        return "### spectral:" + goal + " stopped\n\n" + error.replace("\n", " ") + "\n";
    }
}

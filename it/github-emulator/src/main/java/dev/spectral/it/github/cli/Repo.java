package dev.spectral.it.github.cli;

/** gh's {@code --repo [HOST/]OWNER/REPO}, for github.com. */
final class Repo {
    private Repo() {}

    static String of(String text) throws GhFailure {
        String[] parts = text.split("/", -1);
        if (parts.length == 3) {
            if (!parts[0].equalsIgnoreCase(GhSettings.HOST)) {
                throw GhFailure.notEmulated("a host other than github.com (" + parts[0] + ")");
            }
            parts = new String[] {parts[1], parts[2]};
        }
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw GhFailure.line("expected the \"[HOST/]OWNER/REPO\" format, got \"" + text + "\"");
        }
        return parts[0] + "/" + parts[1];
    }
}

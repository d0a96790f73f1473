package dev.spectral.provision.publish;

/** What the plan does with one name in one environment. */
public enum Action {
    /** A variable that is not in GitHub yet. */
    CREATE("create", true),
    /** A variable whose value differs. */
    UPDATE("update", true),
    /** A variable that already has the value, or a secret GitHub set after its item last changed. */
    UNCHANGED("unchanged", false),
    /** A secret to write: GitHub never shows its value, so only its update time can tell it is current. */
    SET("set", true),
    /** A name in GitHub that the file no longer has; deleted only with prune. */
    STALE("stale", false),
    /** A stale name being pruned, or the old kind of a key that changed kind. */
    DELETE("delete", true),
    /** A key of a local environment, written to the .env file. */
    WRITE("write .env", true);

    private final String text;
    private final boolean writes;

    Action(String text, boolean writes) {
        this.text = text;
        this.writes = writes;
    }

    public boolean writes() {
        return writes;
    }

    @Override
    public String toString() {
        return text;
    }
}

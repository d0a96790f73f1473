package dev.spectral.provision.publish;

/** What a key becomes in GitHub: a referenced value a secret, a literal a variable. */
public enum Kind {
    SECRET("secret"),
    VARIABLE("variable");

    private final String text;

    Kind(String text) {
        this.text = text;
    }

    @Override
    public String toString() {
        return text;
    }
}

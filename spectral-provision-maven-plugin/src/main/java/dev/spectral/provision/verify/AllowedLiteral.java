package dev.spectral.provision.verify;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the plugin's {@code <allowedLiterals>}: a literal that a secret rule flags but that is not
 * a secret. An entry names a key (optionally in one environment), or a value's {@link Fingerprint}, or both;
 * a flagged literal is allowed when it meets every criterion the entry gives. The reason is required: an
 * entry without one is an error, and allows nothing.
 *
 * <p>A key entry allows whatever that key will ever hold, including a real secret pasted there later; a
 * fingerprint allows one exact value. Prefer fingerprints.
 *
 * <p>Maven fills the fields from the plugin configuration (it needs the no-argument constructor and the
 * setters); code uses the factories. Key and environment compare ignoring case, as GitHub names do.
 */
public final class AllowedLiteral {

    private String key;
    private String environment;
    private String fingerprint;
    private String reason;

    /** For Maven, which then calls the setters. */
    public AllowedLiteral() {}

    private AllowedLiteral(String key, String environment, String fingerprint, String reason) {
        this.key = key;
        this.environment = environment;
        this.fingerprint = fingerprint;
        this.reason = reason;
    }

    /** Allows the literal of {@code key} in every environment. */
    public static AllowedLiteral ofKey(String key, String reason) {
        return new AllowedLiteral(key, null, null, reason);
    }

    /** Allows one exact value, wherever it is: {@code sha256:} and at least 16 hex digits. */
    public static AllowedLiteral ofFingerprint(String fingerprint, String reason) {
        return new AllowedLiteral(null, null, fingerprint, reason);
    }

    /** This entry, limited to one environment. */
    public AllowedLiteral inEnvironment(String environment) {
        return new AllowedLiteral(key, environment, fingerprint, reason);
    }

    public void setKey(String key) {
        this.key = key;
    }

    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    public void setFingerprint(String fingerprint) {
        this.fingerprint = fingerprint;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public Optional<String> key() {
        return present(key);
    }

    public Optional<String> environment() {
        return present(environment);
    }

    public Optional<String> fingerprint() {
        return present(fingerprint);
    }

    public Optional<String> reason() {
        return present(reason);
    }

    /** What makes the entry unusable, if anything. */
    public Optional<String> problem() {
        if (key().isEmpty() && fingerprint().isEmpty()) {
            return Optional.of("it names neither a <key> nor a <fingerprint>, so it allows nothing");
        }
        if (fingerprint().isPresent() && !Fingerprint.isWellFormed(fingerprint)) {
            return Optional.of("its fingerprint is not 'sha256:' and 16 to 64 hex digits, so it allows nothing");
        }
        if (reason().isEmpty()) {
            return Optional.of("a reason is required; without one the entry allows nothing");
        }
        return Optional.empty();
    }

    /** True when the entry is usable and allows this flagged literal ({@code valueHex}: {@link Fingerprint#hex}). */
    public boolean allows(String environmentName, String keyName, String valueHex) {
        return problem().isEmpty()
                && key().map(k -> k.equalsIgnoreCase(keyName)).orElse(true)
                && environment().map(e -> e.equalsIgnoreCase(environmentName)).orElse(true)
                && fingerprint().map(f -> Fingerprint.matches(f, valueHex)).orElse(true);
    }

    /** The entry as people wrote it, for messages; holds no value. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        key().ifPresent(k -> out.append("key ").append(k));
        fingerprint()
                .ifPresent(f -> out.append(out.isEmpty() ? "" : ", ")
                        .append("fingerprint ")
                        .append(f.strip()));
        environment()
                .ifPresent(e -> out.append(out.isEmpty() ? "" : " ")
                        .append("in [")
                        .append(e)
                        .append(']'));
        return out.isEmpty() ? "empty entry" : out.toString();
    }

    /** A copy that later calls to the setters do not reach. */
    public AllowedLiteral copy() {
        return new AllowedLiteral(key, environment, fingerprint, reason);
    }

    private static Optional<String> present(String text) {
        return Optional.ofNullable(text).map(String::strip).filter(t -> !t.isEmpty());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AllowedLiteral that
                && Objects.equals(key(), that.key())
                && Objects.equals(environment(), that.environment())
                && Objects.equals(fingerprint(), that.fingerprint())
                && Objects.equals(reason(), that.reason());
    }

    @Override
    public int hashCode() {
        return Objects.hash(key(), environment(), fingerprint(), reason());
    }

    @Override
    public String toString() {
        return "AllowedLiteral[" + describe() + ", reason " + reason().orElse("(none)") + "]";
    }
}

package dev.spectral.provision.verify.scan;

/**
 * One kind of credential: a literal that matches is a secret committed by mistake.
 *
 * <p>Most rules look at the value only; the generic ones also read the key's name. A rule never keeps
 * or reports the value: the check that calls it shows a masked preview at most.
 */
public interface SecretRule {

    /** A short stable id, shown in findings ({@code rule anthropic}). */
    String id();

    /** What was found, for people ({@code Anthropic API key}). */
    String description();

    /** True when {@code value}, committed under {@code key}, is a secret of this kind. */
    boolean matches(String key, String value);
}

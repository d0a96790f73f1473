/**
 * The generators that ship with Spectral Provision. Each is registered in
 * {@code META-INF/services/dev.spectral.generators.SecretGenerator} like any third-party generator,
 * so the registry treats them no differently.
 *
 * <p>Shared rules: every bit of randomness comes from {@code GeneratorContext.random()}; every
 * failure becomes a {@code GenerationException} whose message is fixed text, never key material.
 */
package dev.spectral.generators.builtin;

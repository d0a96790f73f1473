package dev.spectral.provision.publish;

import dev.spectral.provision.config.OpReference;
import dev.spectral.provision.onepassword.OnePassword;
import dev.spectral.provision.onepassword.OnePasswordException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * When each 1Password item last changed, from one {@code op item list} per vault (no values), so that
 * a GitHub secret written after its item last changed is left alone instead of written again.
 *
 * <p>A secret counts as current only when GitHub set it more than {@link #MARGIN} after the item's
 * change: the two services' clocks may differ by a little, and re-setting a current secret is
 * harmless while skipping a stale one is not. A value that changes while a run publishes it is
 * caught by comparing a second listing with the first ({@link #changedSince}).
 */
public final class SecretFreshness {

    public static final Duration MARGIN = Duration.ofMinutes(5);

    private final Map<String, Map<String, Instant>> byVault;

    SecretFreshness(Map<String, Map<String, Instant>> byVault) {
        this.byVault = byVault;
    }

    /** No knowledge: every secret is written. */
    public static SecretFreshness unknown() {
        return new SecretFreshness(Map.of());
    }

    public static SecretFreshness read(OnePassword onePassword, Collection<OpReference> references)
            throws OnePasswordException {
        Map<String, Map<String, Instant>> byVault = new HashMap<>();
        for (String vault : vaults(references)) {
            byVault.put(vault.toLowerCase(Locale.ROOT), onePassword.itemUpdates(vault));
        }
        return new SecretFreshness(byVault);
    }

    /** As {@link #read}, but a vault that cannot be listed is told to {@code unreadable} and left unknown. */
    public static SecretFreshness readWhatCanBeRead(
            OnePassword onePassword,
            Collection<OpReference> references,
            BiConsumer<String, OnePasswordException> unreadable) {
        Map<String, Map<String, Instant>> byVault = new HashMap<>();
        for (String vault : vaults(references)) {
            try {
                byVault.put(vault.toLowerCase(Locale.ROOT), onePassword.itemUpdates(vault));
            } catch (OnePasswordException e) {
                unreadable.accept(vault, e);
            }
        }
        return new SecretFreshness(byVault);
    }

    private static TreeSet<String> vaults(Collection<OpReference> references) {
        return new TreeSet<>(references.stream().map(OpReference::vault).toList());
    }

    /** When the item a reference reads last changed, if known. */
    public Optional<Instant> itemUpdated(OpReference reference) {
        return Optional.ofNullable(byVault.getOrDefault(reference.vault().toLowerCase(Locale.ROOT), Map.of())
                .get(reference.item().toLowerCase(Locale.ROOT)));
    }

    /** True when GitHub's copy was written well after the item last changed. */
    boolean current(OpReference reference, Instant inGitHub) {
        return itemUpdated(reference)
                .map(item -> inGitHub.isAfter(item.plus(MARGIN)))
                .orElse(false);
    }

    /** The references whose item changed between this listing and a later one. */
    List<OpReference> changedSince(SecretFreshness earlier, Collection<OpReference> references) {
        return references.stream()
                .filter(r -> !itemUpdated(r).equals(earlier.itemUpdated(r)))
                .distinct()
                .toList();
    }
}

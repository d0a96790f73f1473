package dev.spectral.provision.process;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The environment a child ({@code op}, {@code gh}) gets: only what those tools need, never the
 * whole of Maven's environment (which may hold unrelated credentials).
 *
 * <p>Kept: {@code PATH}, {@code HOME}, {@code USER}, {@code LOGNAME}, {@code SHELL}, {@code TMPDIR},
 * {@code TERM}, {@code TZ}, {@code LANG}, {@code LANGUAGE}, {@code LC_*}, {@code XDG_*}, {@code OP_*}
 * (1Password: service-account token, Connect, config dir), {@code GH_*} and {@code GITHUB_*}
 * (GitHub CLI: token, host, config dir; Actions context), {@code http_proxy}, {@code https_proxy},
 * {@code no_proxy}, {@code all_proxy} in either case, and {@code SSL_CERT_FILE}, {@code SSL_CERT_DIR}.
 * {@code GH_DEBUG} is dropped: with {@code api} it logs request bodies, which carry secrets.
 */
public final class ChildEnvironment {

    private static final Set<String> NAMES = Set.of(
            "PATH",
            "HOME",
            "USER",
            "LOGNAME",
            "SHELL",
            "TMPDIR",
            "TERM",
            "TZ",
            "LANG",
            "LANGUAGE",
            "HTTP_PROXY",
            "HTTPS_PROXY",
            "NO_PROXY",
            "ALL_PROXY",
            "SSL_CERT_FILE",
            "SSL_CERT_DIR");
    private static final List<String> PREFIXES = List.of("LC_", "XDG_", "OP_", "GH_", "GITHUB_");
    private static final Set<String> DROPPED = Set.of("GH_DEBUG");

    private ChildEnvironment() {}

    public static Map<String, String> from(Map<String, String> parent) {
        Map<String, String> kept = new TreeMap<>();
        parent.forEach((name, value) -> {
            if (keeps(name)) {
                kept.put(name, value);
            }
        });
        return kept;
    }

    static boolean keeps(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (DROPPED.contains(upper)) {
            return false;
        }
        return NAMES.contains(upper) || PREFIXES.stream().anyMatch(upper::startsWith);
    }
}

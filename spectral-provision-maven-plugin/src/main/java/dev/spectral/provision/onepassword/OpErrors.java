package dev.spectral.provision.onepassword;

import dev.spectral.provision.config.OpReference;
import dev.spectral.provision.secret.Redactor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns op's stderr ({@code [ERROR] YYYY/MM/DD HH:MM:SS message}) into a message that names the
 * reference that failed, why, and what to do. Unknown messages are passed on (redacted) whole.
 */
final class OpErrors {

    private static final Pattern PREFIX =
            Pattern.compile("^\\[ERROR\\] \\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2} ", Pattern.MULTILINE);
    private static final Pattern NO_ITEM = Pattern.compile("\"(.+?)\" isn't an item in the \"(.+?)\" vault");
    private static final Pattern NO_VAULT = Pattern.compile("\"(.+?)\" isn't a vault in this account");
    private static final Pattern NO_FIELD = Pattern.compile(
            "could not find (?:field|item field)(?: or file)? \"?(.+?)\"? on item \"?(.+?)\"? in vault \"?([^\"]+?)\"?$",
            Pattern.MULTILINE);

    private OpErrors() {}

    /** A failed call that read or wrote an item: op's message, and how to sign in when that is the cause. */
    static OnePasswordException describe(String step, String stderr, Redactor redactor) {
        String message = clean(stderr, redactor);
        return notSignedIn(message).orElseGet(() -> new OnePasswordException(step + " failed: " + message));
    }

    static OnePasswordException explain(String stderr, List<OpReference> references, Redactor redactor) {
        String message = clean(stderr, redactor);
        Optional<OnePasswordException> signIn = notSignedIn(message);
        if (signIn.isPresent()) {
            return signIn.get();
        }
        Matcher m = NO_ITEM.matcher(message);
        if (m.find()) {
            return failed(
                    find(references, m.group(2), m.group(1), null),
                    "item '" + m.group(1) + "' is not in vault '" + m.group(2) + "'",
                    "create the item, or correct the reference in the file",
                    message);
        }
        m = NO_VAULT.matcher(message);
        if (m.find()) {
            return failed(
                    find(references, m.group(1), null, null),
                    "vault '" + m.group(1) + "' does not exist or this account cannot read it",
                    "correct the vault, or grant the account access to it",
                    message);
        }
        m = NO_FIELD.matcher(message);
        if (m.find()) {
            return failed(
                    find(references, m.group(3), m.group(2), m.group(1)),
                    "item '" + m.group(2) + "' has no field '" + m.group(1) + "'",
                    "add the field to the item, or correct the field in the reference",
                    message);
        }
        return new OnePasswordException("op could not resolve the references: " + message);
    }

    private static String clean(String stderr, Redactor redactor) {
        return PREFIX.matcher(redactor.redact(stderr)).replaceAll("").strip();
    }

    private static Optional<OnePasswordException> notSignedIn(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("not signed in")
                || lower.contains("not currently signed in")
                || lower.contains("session expired")) {
            return Optional.of(
                    new OnePasswordException("op is not signed in (" + message + "). Sign in with 'eval $(op signin)', "
                            + "or set OP_SERVICE_ACCOUNT_TOKEN to a 1Password service-account token (in CI)"));
        }
        return Optional.empty();
    }

    private static OnePasswordException failed(Optional<OpReference> ref, String why, String fix, String original) {
        String which = ref.map(r -> "reference " + r + " failed: ").orElse("a reference failed: ");
        return new OnePasswordException(which + why + " (op: " + original + "). Fix: " + fix);
    }

    private static Optional<OpReference> find(List<OpReference> references, String vault, String item, String field) {
        return references.stream()
                .filter(r -> r.vault().equalsIgnoreCase(vault))
                .filter(r -> item == null || r.item().equalsIgnoreCase(item))
                .filter(r -> field == null || r.field().equalsIgnoreCase(field))
                .findFirst();
    }
}

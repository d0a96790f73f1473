package dev.spectral.provision.verify.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spectral.provision.config.Entry;
import dev.spectral.provision.config.Environment;
import dev.spectral.provision.config.Finding;
import dev.spectral.provision.github.RemoteState;
import dev.spectral.provision.keyset.InvalidKeyException;
import dev.spectral.provision.keyset.KeySetNames;
import dev.spectral.provision.keyset.PublicJwk;
import dev.spectral.provision.secret.SecretValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What GitHub publishes as a key's set, read as a verifier reads it: it must hold the public half of
 * the key that signs, and no private member of any key (a leaked one lets anyone who reads variables
 * sign). That it equals what provision would publish is the plan's comparison; this is the safety net
 * for a set changed by hand or by another tool.
 */
final class PublishedKeySetCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PublishedKeySetCheck() {}

    static List<Finding> check(Environment env, Entry key, SecretValue privateKey, RemoteState remote, String fix) {
        String variable = KeySetNames.variable(key.key());
        Optional<String> published = remote.variable(variable.toUpperCase(Locale.ROOT));
        Optional<String> signingKid = kid(privateKey);
        if (published.isEmpty() || signingKid.isEmpty()) {
            return List.of(); // a missing variable is the plan's finding; an unreadable key is the derivation's
        }
        List<Finding> findings = new ArrayList<>();
        JsonNode set;
        try {
            set = JSON.readTree(published.get());
        } catch (IOException e) {
            set = null;
        }
        if (set == null || !set.path("keys").isArray()) {
            return List.of(finding(env, key, "key-set-published", variable + " in GitHub is not a JWK Set", fix));
        }
        List<String> kids = new ArrayList<>();
        for (JsonNode jwk : set.path("keys")) {
            kids.add(jwk.path("kid").asText());
            List<String> leaked = PublicJwk.privateMembers(jwk);
            if (!leaked.isEmpty()) {
                findings.add(finding(
                        env,
                        key,
                        "key-set-private",
                        variable + " in GitHub holds private member(s) " + String.join(", ", leaked) + " of key '"
                                + jwk.path("kid").asText()
                                + "': anyone who can read the repository's variables can sign as this service",
                        "rotate the key at once, dropping the exposed one: mvn spectral:rotate -Dkey=" + key.key()
                                + " -Dspectral.rotate.retain=0s; then check where else the set was copied"));
            }
        }
        if (!kids.contains(signingKid.get())) {
            findings.add(finding(
                    env,
                    key,
                    "key-set-current",
                    variable + " in GitHub lacks the public half of the key that signs (kid " + signingKid.get()
                            + "): verifiers reject the tokens it signs",
                    fix));
        }
        return findings;
    }

    private static Optional<String> kid(SecretValue privateKey) {
        try {
            return Optional.of(PublicJwk.of(privateKey.reveal()).path("kid").asText());
        } catch (InvalidKeyException e) {
            return Optional.empty();
        }
    }

    private static Finding finding(Environment env, Entry key, String rule, String message, String fix) {
        return Finding.error(rule, key.position(), env.name(), KeySetNames.variable(key.key()), message, fix);
    }
}

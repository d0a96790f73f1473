package dev.spectral.provision.keyset;

import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.Entry;
import dev.spectral.provision.config.Environment;
import dev.spectral.provision.config.OpReference;
import dev.spectral.provision.config.RotationSpec;
import dev.spectral.provision.config.Value;
import dev.spectral.provision.onepassword.OnePassword;
import dev.spectral.provision.onepassword.OnePasswordException;
import dev.spectral.provision.secret.SecretValue;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The public key sets a run publishes. Every key whose {@code [rotation]} generator produces a private
 * JWK gets, in each environment that reads it, a variable {@link KeySetNames#variable} holding its set:
 * the keys kept in 1Password ({@link KeySetNames#set}) whose retirement time has not come, and always
 * the public half of the private key the environment reads, so that the set is right even before the
 * first rollover wrote one. The published sets are derived, never typed into the file.
 */
public final class KeySets {

    private final Predicate<String> producesPrivateJwk;
    private final OnePassword onePassword;
    private final Clock clock;

    /**
     * @param producesPrivateJwk whether a generator id names a generator of private JWKs
     */
    public KeySets(Predicate<String> producesPrivateJwk, OnePassword onePassword, Clock clock) {
        this.producesPrivateJwk = producesPrivateJwk;
        this.onePassword = onePassword;
        this.clock = clock;
    }

    /** No key publishes a set: for runs whose generators are not known. */
    public static KeySets none(OnePassword onePassword) {
        return new KeySets(id -> false, onePassword, Clock.systemUTC());
    }

    /** Whether the key's rotation spec names a generator of private JWKs. */
    public boolean publishesSet(Config config, String key) {
        return config.rotation(key)
                .filter(spec -> spec.generatedBy(producesPrivateJwk))
                .isPresent();
    }

    /** The keys with a published set, in {@code [rotation]} order. */
    public List<String> keys(Config config) {
        return config.rotations().stream()
                .map(RotationSpec::key)
                .filter(key -> publishesSet(config, key))
                .toList();
    }

    /**
     * The environments, each with a variable per published set it reads, after the key's entry.
     *
     * @param values the values of the environments' references, the private keys among them
     * @return the environments as they are to be published, and one line per set that cannot be made
     */
    public Derived derive(Config config, List<Environment> environments, Map<OpReference, SecretValue> values)
            throws OnePasswordException {
        Set<String> keys = Set.copyOf(keys(config));
        if (keys.isEmpty()) {
            return new Derived(environments, List.of());
        }
        Map<OpReference, Optional<SecretValue>> stored = storedSets(environments, keys);
        Instant now = clock.instant();
        List<Environment> derived = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Environment env : environments) {
            List<Entry> entries = new ArrayList<>();
            for (Entry entry : env.entries()) {
                entries.add(entry);
                if (keys.contains(entry.key()) && entry.reference().isPresent()) {
                    keySet(env, entry, values.get(entry.reference().get()), stored, now, problems)
                            .ifPresent(entries::add);
                }
            }
            derived.add(new Environment(env.name(), env.position(), entries));
        }
        return new Derived(derived, problems);
    }

    /** The entry that publishes the set of the key an environment's entry reads; empty, with a problem, when there is none. */
    private static Optional<Entry> keySet(
            Environment env,
            Entry key,
            SecretValue privateKey,
            Map<OpReference, Optional<SecretValue>> stored,
            Instant now,
            List<Problem> problems) {
        String variable = KeySetNames.variable(key.key());
        String rotate = "rotate the key (mvn spectral:rotate -Dkey=" + key.key() + ")";
        if (env.entries().stream().anyMatch(e -> e.key().equalsIgnoreCase(variable))) {
            problems.add(new Problem(
                    env.name(),
                    key,
                    "no key set is published: the file defines " + variable + " itself, and that name is the key set's",
                    "rename that entry"));
            return Optional.empty();
        }
        KeySet set;
        try {
            set = published(
                    privateKey, stored.get(KeySetNames.set(key.reference().orElseThrow())), now);
        } catch (InvalidKeyException e) {
            problems.add(new Problem(
                    env.name(),
                    key,
                    "no key set is published: " + e.getMessage(),
                    rotate + " or fix its 1Password field; until then verifiers get no set"));
            return Optional.empty();
        }
        misnamed(privateKey)
                .ifPresent(kid -> problems.add(new Problem(
                        env.name(),
                        key,
                        "the private key names itself '" + kid + "', not by its RFC 7638 thumbprint as " + variable
                                + " does: verifiers that pick the key by the kid of a token find none",
                        rotate + ", or sign with the kid published in " + variable)));
        return Optional.of(new Entry(variable, new Value.Literal(set.publishedJson()), key.position()));
    }

    /** The environments to publish, and why a set could not be made. */
    public record Derived(List<Environment> environments, List<Problem> problems) {
        public Derived {
            environments = List.copyOf(environments);
            problems = List.copyOf(problems);
        }

        /**
         * The key whose set an environment's entry publishes, as {@code (key set of KEY)} for the plan's
         * source column; empty for an entry of the file.
         */
        public Optional<String> sourceOf(String environment, String name) {
            return environments.stream()
                    .filter(env -> env.name().equals(environment))
                    .flatMap(env -> env.entries().stream())
                    .filter(Entry::isSecret)
                    .map(Entry::key)
                    .filter(key -> KeySetNames.variable(key).equalsIgnoreCase(name))
                    .findFirst()
                    .map(key -> "(key set of " + key + ")");
        }
    }

    /** A key whose set is missing or will not serve verifiers: the environment, the key's entry, why, and the fix. */
    public record Problem(String environment, Entry entry, String message, String fix) {

        /** One line for the log. */
        public String line() {
            return entry.position() + " [" + environment + "] " + entry.key() + ": " + message + "; " + fix();
        }
    }

    /** The kid a private key declares when it is not its thumbprint; a key that is no JWK has been told already. */
    private static Optional<String> misnamed(SecretValue privateKey) {
        try {
            return PublicJwk.foreignKid(PublicJwk.parse(privateKey.reveal()));
        } catch (InvalidKeyException e) {
            return Optional.empty();
        }
    }

    /** The stored set with the signing key in it, less the keys whose retirement time has come. */
    static KeySet published(SecretValue privateKey, Optional<SecretValue> stored, Instant now)
            throws InvalidKeyException {
        KeySet set;
        try {
            set = stored.isPresent() ? KeySet.parse(stored.get().reveal()) : KeySet.empty();
        } catch (InvalidKeyException e) {
            throw new InvalidKeyException("the key set kept in 1Password " + e.getMessage());
        }
        try {
            return set.withoutExpired(now).withSigningKey(PublicJwk.of(privateKey.reveal()));
        } catch (InvalidKeyException e) {
            throw new InvalidKeyException("the private key " + e.getMessage());
        }
    }

    /**
     * The kept sets of the keys the environments read: one resolution of them all; when that fails
     * (a key not yet rolled over has no set field), one read per item tells which fields exist.
     */
    private Map<OpReference, Optional<SecretValue>> storedSets(List<Environment> environments, Set<String> keys)
            throws OnePasswordException {
        List<OpReference> sets = environments.stream()
                .flatMap(env -> env.secrets().stream())
                .filter(entry -> keys.contains(entry.key()))
                .map(entry -> KeySetNames.set(entry.reference().orElseThrow()))
                .distinct()
                .toList();
        Map<OpReference, Optional<SecretValue>> stored = new LinkedHashMap<>();
        try {
            onePassword.resolve(sets).forEach((ref, value) -> stored.put(ref, Optional.of(value)));
            return stored;
        } catch (OnePasswordException e) {
            for (OpReference set : sets) {
                stored.put(set, onePassword.read(List.of(set)).flatMap(item -> item.value(set)));
            }
            return stored;
        }
    }
}

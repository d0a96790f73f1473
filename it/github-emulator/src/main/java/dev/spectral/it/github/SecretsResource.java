package dev.spectral.it.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;

/** Environment secrets: public key, list, get, PUT (sealed box), delete. */
final class SecretsResource {
    static final int DEFAULT_PER_PAGE = 30;
    static final int MAX_PER_PAGE = 100;

    private final StateStore store;
    private final Faults faults;

    SecretsResource(StateStore store, Faults faults) {
        this.store = store;
        this.faults = faults;
    }

    HttpResponse publicKey(RepoState repo, String envName) {
        EnvironmentKey key = EnvironmentKey.of(repo, store.environment(repo, envName));
        ObjectNode body = Json.object();
        body.put("key_id", key.keyId());
        body.put("key", key.publicKeyBase64());
        return HttpResponse.json(200, body);
    }

    HttpResponse list(HttpRequest request, RepoState repo, String envName) {
        EnvironmentState env = store.environment(repo, envName);
        return Page.from(request.query(), DEFAULT_PER_PAGE, MAX_PER_PAGE)
                .listing(ApiUrls.environmentList(repo, env, "secrets"), "secrets", env.secrets, SecretsResource::item);
    }

    HttpResponse get(RepoState repo, String envName, String name) {
        EnvironmentState env = store.environment(repo, envName);
        String key = name.toUpperCase(Locale.ROOT);
        StoredSecret secret = env.secrets.get(key);
        if (secret == null) {
            throw ApiException.notFound();
        }
        return HttpResponse.json(200, item(key, secret));
    }

    HttpResponse put(HttpRequest request, RepoState repo, String envName, String rawName) {
        EnvironmentState env = store.environment(repo, envName);
        String name = Names.secretOrVariable("Secret", rawName);
        if (faults.consumeSecretFailure(name)) {
            throw new ApiException(500, "Server Error");
        }
        ObjectNode body = Json.parseObject(request.body());
        String encrypted = requiredText(body, "encrypted_value");
        String keyId = requiredText(body, "key_id");
        EnvironmentKey key = EnvironmentKey.of(repo, env);
        if (!key.keyId().equals(keyId)) {
            throw new ApiException(422, "Bad request - key_id does not match the environment's public key.");
        }
        byte[] plaintext = open(encrypted, key);
        Names.checkValueSize("Secret", plaintext.length);

        Instant now = store.clock().nextWrite();
        StoredSecret existing = env.secrets.get(name);
        env.secrets.put(name, new StoredSecret(plaintext, existing == null ? now : existing.createdAt(), now));
        store.save();
        return existing == null ? HttpResponse.json(201, Json.object()) : HttpResponse.empty(204);
    }

    HttpResponse delete(RepoState repo, String envName, String name) {
        EnvironmentState env = store.environment(repo, envName);
        if (env.secrets.remove(name.toUpperCase(Locale.ROOT)) == null) {
            throw ApiException.notFound();
        }
        store.save();
        return HttpResponse.empty(204);
    }

    private static byte[] open(String encryptedBase64, EnvironmentKey key) {
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(encryptedBase64);
        } catch (IllegalArgumentException e) {
            throw new ApiException(422, "Bad request - encrypted_value is not valid base64.");
        }
        try {
            return SealedBox.open(sealed, key.publicKey(), key.secretKey());
        } catch (SealedBox.InvalidBoxException e) {
            throw new ApiException(
                    422, "Bad request - encrypted_value could not be decrypted: " + e.getMessage() + ".");
        }
    }

    private static String requiredText(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.isTextual()) {
            throw new ApiException(422, "Invalid request.\n\n\"" + field + "\" wasn't supplied.");
        }
        return node.asText();
    }

    private static ObjectNode item(String name, StoredSecret secret) {
        ObjectNode item = Json.object();
        item.put("name", name);
        item.put("created_at", EmulatorClock.format(secret.createdAt()));
        item.put("updated_at", EmulatorClock.format(secret.updatedAt()));
        return item;
    }
}

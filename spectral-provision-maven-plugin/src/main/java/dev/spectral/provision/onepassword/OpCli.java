package dev.spectral.provision.onepassword;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spectral.provision.config.OpReference;
import dev.spectral.provision.process.Command;
import dev.spectral.provision.process.CommandException;
import dev.spectral.provision.process.CommandResult;
import dev.spectral.provision.process.CommandRunner;
import dev.spectral.provision.secret.Redactor;
import dev.spectral.provision.secret.SecretValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@link OnePassword} over the 1Password CLI.
 *
 * <p><b>How references are resolved:</b> one {@code op run --no-masking --env-file F -- env -0} per
 * run, whatever the number of references. The env file maps a numbered variable to each distinct
 * reference (references only, never values); op resolves them into the environment of {@code env},
 * which prints {@code NAME=value} records separated by NUL bytes. A 1Password value cannot contain
 * NUL, so the framing is unambiguous and every other byte arrives exactly: newlines (trailing ones
 * too), quotes, {@code $}, {@code {{}, unicode. The alternatives were rejected: {@code op inject}
 * substitutes raw text and also expands {@code $VAR} and bare {@code op://} text, so values could
 * be altered; {@code op read} and {@code op item get} cost one call per reference or item.
 * The values pass through the environment of op's child, which only the same user can read.
 */
public final class OpCli implements OnePassword {

    static final String VARIABLE_PREFIX = "SPECTRAL_REF_";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CommandRunner runner;
    private final String executable;
    private final Duration timeout;
    private final Redactor redactor;
    private boolean versionChecked;

    public OpCli(CommandRunner runner, String executable, Duration timeout, Redactor redactor) {
        this.runner = runner;
        this.executable = executable;
        this.timeout = timeout;
        this.redactor = redactor;
    }

    @Override
    public Map<OpReference, SecretValue> resolve(Collection<OpReference> references) throws OnePasswordException {
        List<OpReference> distinct = new ArrayList<>(new LinkedHashSet<>(references));
        if (distinct.isEmpty()) {
            return Map.of();
        }
        checkVersion();
        Path envFile = writeEnvFile(distinct);
        try {
            CommandResult result = run(Command.of(
                    "resolve " + distinct.size() + " 1Password reference(s)",
                    timeout,
                    List.of(executable, "run", "--no-masking", "--env-file", envFile.toString(), "--", "env", "-0")));
            if (!result.succeeded()) {
                throw OpErrors.explain(result.stderrText(), distinct, redactor);
            }
            return values(result.stdout(), distinct);
        } finally {
            deleteQuietly(envFile);
        }
    }

    @Override
    public Map<String, Instant> itemUpdates(String vault) throws OnePasswordException {
        checkVersion();
        String step = "list the items of vault " + vault;
        CommandResult result = run(
                Command.of(step, timeout, List.of(executable, "item", "list", "--vault", vault, "--format", "json")));
        if (!result.succeeded()) {
            throw OpErrors.describe(step, result.stderrText(), redactor);
        }
        Map<String, Instant> updates = new HashMap<>();
        try {
            for (JsonNode item : JSON.readTree(result.stdout())) {
                Instant updated = Instant.parse(item.path("updated_at").asText());
                updates.put(item.path("title").asText().toLowerCase(Locale.ROOT), updated);
                updates.put(item.path("id").asText().toLowerCase(Locale.ROOT), updated);
            }
        } catch (IOException | RuntimeException e) {
            throw new OnePasswordException(step + ": op printed something that is not the expected item list");
        }
        return updates;
    }

    @Override
    public Optional<Long> version(OpReference target) throws OnePasswordException {
        return item(target.vault(), target.item()).map(Item::version);
    }

    @Override
    public long write(Map<OpReference, Optional<SecretValue>> fields, Optional<Long> expected)
            throws OnePasswordException {
        OpReference target = fields.keySet().iterator().next();
        if (fields.keySet().stream().anyMatch(f -> !f.itemId().equals(target.itemId()))) {
            throw new IllegalArgumentException("one write changes one item; given " + fields.keySet());
        }
        Optional<Item> now = item(target.vault(), target.item());
        Optional<Long> actual = now.map(Item::version);
        if (!actual.equals(expected)) {
            throw new ItemChangedException(target, expected, actual);
        }
        ObjectNode json = now.map(Item::copyOfJson).orElseGet(() -> ItemFields.newItem(target));
        fields.forEach((field, value) -> {
            if (value.isPresent()) {
                ItemFields.withValue(json, field, value.get().reveal());
            } else {
                ItemFields.without(json, field);
            }
        });
        String vault = target.vault();
        ObjectNode written = now.isPresent()
                ? pipe(
                        "write item " + now.get().title() + " in vault " + vault,
                        json,
                        List.of(executable, "item", "edit", now.get().id(), "--vault", vault, "--format", "json"))
                : pipe(
                        "create item " + target.item() + " in vault " + vault,
                        json,
                        List.of(executable, "item", "create", "--vault", vault, "--format", "json", "-"));
        return written.path("version").asLong(actual.map(v -> v + 1).orElse(1L));
    }

    @Override
    public Optional<ItemValues> read(Collection<OpReference> fields) throws OnePasswordException {
        OpReference any = fields.iterator().next();
        Optional<Item> item = item(any.vault(), any.item());
        if (item.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode json = item.get().copyOfJson();
        Map<OpReference, SecretValue> values = new HashMap<>();
        for (OpReference field : fields) {
            ItemFields.value(json, field).ifPresent(v -> values.put(field, SecretValue.of(v, redactor)));
        }
        return Optional.of(new ItemValues(item.get().version(), values));
    }

    /** The item with its values ({@code --reveal}), or empty when the vault has no such item. */
    private Optional<Item> item(String vault, String item) throws OnePasswordException {
        checkVersion();
        CommandResult result = run(Command.of(
                "read item " + item + " in vault " + vault,
                timeout,
                List.of(executable, "item", "get", item, "--vault", vault, "--format", "json", "--reveal")));
        if (!result.succeeded()) {
            if (result.stderrText().contains("isn't an item")) {
                return Optional.empty();
            }
            throw OpErrors.describe("reading item " + item + " in vault " + vault, result.stderrText(), redactor);
        }
        try {
            JsonNode json = JSON.readTree(result.stdout());
            if (!(json instanceof ObjectNode object)) {
                throw new OnePasswordException("op item get printed no item object for " + item);
            }
            registerValues(object);
            return Optional.of(new Item(object));
        } catch (IOException e) {
            throw new OnePasswordException("op item get printed something that is not JSON for " + item);
        }
    }

    /**
     * The whole item as JSON on stdin: op's documented way to write without a value on argv.
     *
     * @return the item as op printed it after the write (its new version; concealed values left out)
     */
    private ObjectNode pipe(String step, ObjectNode json, List<String> argv) throws OnePasswordException {
        checkVersion();
        registerValues(json);
        CommandResult result =
                run(Command.of(step, timeout, argv).withStdin(json.toString().getBytes(StandardCharsets.UTF_8)));
        if (!result.succeeded()) {
            throw OpErrors.describe(step, result.stderrText(), redactor);
        }
        try {
            return JSON.readTree(result.stdout()) instanceof ObjectNode printed ? printed : JSON.createObjectNode();
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** Concealed values are masked from here on; usernames, URLs and the like are not (masking "1" would garble every line). */
    private void registerValues(JsonNode item) {
        item.path("fields").forEach(field -> {
            if ("CONCEALED".equals(field.path("type").asText())
                    && !field.path("value").asText().isEmpty()) {
                redactor.register(field.path("value").asText());
            }
        });
    }

    /** Once per run: fail clearly on an op too old for what the plugin asks of it. */
    void checkVersion() throws OnePasswordException {
        if (versionChecked) {
            return;
        }
        CommandResult result = run(Command.of("check the op version", timeout, List.of(executable, "--version")));
        if (!result.succeeded()) {
            throw new OnePasswordException("'" + executable + " --version' failed (exit " + result.exitCode() + "): "
                    + redactor.redact(result.stderrText().strip()));
        }
        OpVersion version = OpVersion.parse(result.stdoutText());
        if (version.compareTo(OpVersion.MINIMUM) < 0) {
            throw new OnePasswordException("op " + version + " is too old: the plugin needs the 1Password CLI "
                    + OpVersion.MINIMUM + " or newer. Update it: https://developer.1password.com/docs/cli/get-started");
        }
        versionChecked = true;
    }

    private CommandResult run(Command command) throws OnePasswordException {
        try {
            return runner.run(command);
        } catch (CommandException e) {
            throw new OnePasswordException(e.getMessage(), e);
        }
    }

    private Map<OpReference, SecretValue> values(byte[] stdout, List<OpReference> distinct)
            throws OnePasswordException {
        Map<String, String> printed = new HashMap<>();
        for (String record : new String(stdout, StandardCharsets.UTF_8).split("\0")) {
            int eq = record.indexOf('=');
            if (eq > 0 && record.startsWith(VARIABLE_PREFIX)) {
                printed.put(record.substring(0, eq), record.substring(eq + 1));
            }
        }
        Map<OpReference, SecretValue> values = new LinkedHashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            String value = printed.get(VARIABLE_PREFIX + i);
            if (value == null) {
                throw new OnePasswordException("op run did not pass a value for " + distinct.get(i)
                        + "; check that 'op run' works on this machine (op " + OpVersion.MINIMUM
                        + "+ and the 'env' command)");
            }
            values.put(distinct.get(i), SecretValue.of(value, redactor));
        }
        return values;
    }

    /** References only: the file holds no value. Private to the user all the same. */
    private static Path writeEnvFile(List<OpReference> references) throws OnePasswordException {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < references.size(); i++) {
            content.append(VARIABLE_PREFIX)
                    .append(i)
                    .append("=\"")
                    .append(references.get(i))
                    .append("\"\n");
        }
        try {
            Path file = Files.createTempFile(
                    "spectral-refs-",
                    ".env",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException | UnsupportedOperationException e) {
            throw new OnePasswordException(
                    "cannot write the temporary reference file for op run: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}

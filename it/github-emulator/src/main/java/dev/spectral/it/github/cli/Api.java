package dev.spectral.it.github.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code gh api [--method M] [--include] [--input -] [--paginate] [--silent] PATH} as gh 2.23 does it:
 * the answer's body as it came (stdout is not a terminal: no colours, no reformatting); with
 * {@code --include} first the status line, the headers (names in Go's canonical form, sorted, each
 * ending CRLF) and a blank line; with {@code --paginate} {@code per_page=100} added to the path when it
 * has none, the {@code rel="next"} URL of each answer's Link header followed, and the pages printed
 * back to back. An answer above 299: its body still on stdout, {@code gh: MESSAGE (HTTP N)} on stderr,
 * exit 1.
 */
final class Api {
    private static final List<Flags.Flag> FLAGS = List.of(
            new Flags.Flag("method", 'X', true),
            new Flags.Flag("include", 'i', false),
            new Flags.Flag("input", (char) 0, true),
            new Flags.Flag("paginate", (char) 0, false),
            new Flags.Flag("silent", (char) 0, false));
    private static final List<String> REFUSED = List.of(
            "--field",
            "-F",
            "--raw-field",
            "-f",
            "--header",
            "-H",
            "--jq",
            "-q",
            "--template",
            "-t",
            "--cache",
            "--preview",
            "-p",
            "--hostname");
    private static final Pattern LINK = Pattern.compile("<([^>]+)>;\\s*rel=\"([^\"]+)\"");
    private static final Pattern JSON_TYPE = Pattern.compile("[/+]json(;|$)");

    private Api() {}

    static int run(List<String> args, GhLite.Io io) throws GhFailure, IOException {
        Flags flags = Flags.parse(args, FLAGS, REFUSED, "api");
        if (flags.arguments().size() != 1) {
            throw GhFailure.line(
                    "accepts 1 arg(s), received " + flags.arguments().size());
        }
        String path = flags.arguments().get(0);
        if (path.equals("graphql")) {
            throw GhFailure.notEmulated("gh api graphql");
        }
        String method = flags.value("method")
                .map(m -> m.toUpperCase(Locale.ROOT))
                .orElse(flags.given("input") ? "POST" : "GET");
        boolean paginate = flags.on("paginate");
        if (paginate && !method.equals("GET")) {
            throw GhFailure.line("the `--paginate` option is not supported for non-GET requests");
        }
        if (paginate && flags.given("input")) {
            throw GhFailure.line("the `--paginate` option is not supported with `--input`");
        }
        if (flags.given("input") && !flags.value("input").orElse("").equals("-")) {
            throw GhFailure.notEmulated("gh api --input FILE (only --input -, the body on stdin)");
        }
        GhSettings settings = GhLite.authenticated(io);
        byte[] body = flags.given("input") ? io.in().readAllBytes() : null;
        if (paginate) {
            path = withPerPage(path);
        }

        UnixHttp http = GhLite.http(settings);
        OutputStream out = io.out();
        String url = UnixHttp.url(path);
        while (true) {
            UnixHttp.Response response;
            try {
                response = http.send(method, url, body, "*/*");
            } catch (UnixHttp.TransportException e) {
                throw GhFailure.line(e.getMessage());
            }
            if (flags.on("include")) {
                out.write((response.proto() + " " + response.status() + "\n").getBytes(StandardCharsets.UTF_8));
                out.write(headers(response).getBytes(StandardCharsets.UTF_8));
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            if (response.code() == 204) {
                out.flush();
                return 0;
            }
            boolean json = JSON_TYPE
                    .matcher(response.header("Content-Type").orElse(""))
                    .find();
            Optional<String> serverError = json && response.code() >= 400 ? errorMessage(response) : Optional.empty();
            if (!flags.on("silent")) {
                out.write(response.body());
            }
            out.flush();
            if (serverError.isEmpty() && response.code() > 299) {
                serverError = Optional.of("HTTP " + response.code());
            }
            if (serverError.isPresent()) {
                throw GhFailure.line("gh: " + serverError.get());
            }
            Optional<String> next = paginate ? nextPage(response) : Optional.empty();
            if (next.isEmpty()) {
                return 0;
            }
            if (flags.on("include")) {
                out.write('\n');
            }
            url = next.get();
            body = null;
        }
    }

    /** gh adds {@code per_page=100} to a paginated REST path that has no {@code per_page}. */
    static String withPerPage(String path) {
        int q = path.indexOf('?');
        if (q >= 0 && ("&" + path.substring(q + 1)).contains("&per_page=")) {
            return path;
        }
        return path + (q >= 0 ? "&" : "?") + "per_page=100";
    }

    static Optional<String> nextPage(UnixHttp.Response response) {
        Matcher m = LINK.matcher(response.header("Link").orElse(""));
        while (m.find()) {
            if (m.group(2).equals("next")) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /** gh's parseErrorResponse: the {@code errors}' messages, else {@code MESSAGE (HTTP N)}. */
    private static Optional<String> errorMessage(UnixHttp.Response response) {
        JsonNode body;
        try {
            body = HttpError.JSON.readTree(response.body());
        } catch (IOException e) {
            return Optional.empty();
        }
        if (body == null || !body.isObject()) {
            return Optional.empty();
        }
        List<String> messages = new ArrayList<>();
        for (JsonNode error : body.path("errors")) {
            if (error.isTextual()) {
                messages.add(error.asText());
            } else if (error.isObject()) {
                messages.add(error.path("message").asText());
            }
        }
        if (!messages.isEmpty()) {
            return Optional.of(String.join("\n", messages));
        }
        String message = body.path("message").asText("");
        return message.isEmpty() ? Optional.empty() : Optional.of(message + " (HTTP " + response.code() + ")");
    }

    /**
     * The headers as Go's net/http leaves them for gh: canonical names, sorted, the values of one name
     * joined with ", ", each line ending CRLF; without Transfer-Encoding, and without a Connection that
     * says close (both consumed by Go).
     */
    static String headers(UnixHttp.Response response) {
        Map<String, List<String>> byName = new TreeMap<>();
        for (Map.Entry<String, String> header : response.headers()) {
            String name = canonical(header.getKey());
            if (name.equals("Transfer-Encoding")
                    || name.equals("Status")
                    || name.equals("Connection")
                            && header.getValue().toLowerCase(Locale.ROOT).contains("close")) {
                continue;
            }
            byName.computeIfAbsent(name, n -> new ArrayList<>()).add(header.getValue());
        }
        StringBuilder out = new StringBuilder();
        byName.forEach((name, values) ->
                out.append(name).append(": ").append(String.join(", ", values)).append("\r\n"));
        return out.toString();
    }

    /** textproto.CanonicalMIMEHeaderKey: the first letter and each one after a hyphen upper case, the rest lower. */
    static String canonical(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return out.toString();
    }
}

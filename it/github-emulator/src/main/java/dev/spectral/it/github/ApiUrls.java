package dev.spectral.it.github;

import java.nio.charset.StandardCharsets;

/** The absolute URLs GitHub puts in bodies and Link headers. */
final class ApiUrls {
    static final String API = "https://api.github.com";
    static final String WEB = "https://github.com";

    private ApiUrls() {}

    /** GitHub's own form for list pagination: by repository id, not by name. */
    static String environmentList(RepoState repo, EnvironmentState env, String kind) {
        return API + "/repositories/" + repo.id + "/environments/" + segment(env.name) + "/" + kind;
    }

    static String environment(RepoState repo, EnvironmentState env) {
        return API + "/repos/" + repo.fullName + "/environments/" + segment(env.name);
    }

    static String repo(RepoState repo) {
        return API + "/repos/" + repo.fullName;
    }

    /** Percent-encodes one path segment (RFC 3986 unreserved characters stay as they are). */
    static String segment(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}

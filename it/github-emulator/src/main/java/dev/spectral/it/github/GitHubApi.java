package dev.spectral.it.github;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The emulator's request handler: authentication, injected faults, routing, GitHub's error
 * shape, and the request log. Requests are handled one at a time (gh sets secrets from
 * concurrent goroutines; one lock keeps state, faults and files consistent).
 */
final class GitHubApi implements Handler {
    private final ApiRouter router;
    private final Faults faults;
    private final ClockControl clockControl;
    private final RequestLog log;
    private final EmulatorClock clock;
    private final Object lock = new Object();

    GitHubApi(ApiRouter router, Faults faults, ClockControl clockControl, RequestLog log, EmulatorClock clock) {
        this.router = router;
        this.faults = faults;
        this.clockControl = clockControl;
        this.log = log;
        this.clock = clock;
    }

    /** Wires the API to the files in a state directory (created if absent). */
    static GitHubApi forStateDir(Path stateDir, EmulatorClock clock) throws IOException {
        Path dir = Files.createDirectories(stateDir);
        StateStore store = StateStore.open(new StateFile(dir.resolve("state.json")), clock);
        Faults faults = new Faults(dir.resolve("faults.json"));
        return new GitHubApi(new ApiRouter(store, faults), faults, new ClockControl(dir.resolve("clock.json"), clock),
                new RequestLog(dir.resolve("requests.log")), clock);
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        synchronized (lock) {
            HttpResponse response;
            try {
                response = dispatch(request);
            } catch (ApiException e) {
                response = e.toResponse();
            } catch (RuntimeException e) {
                System.err.println("github-emulator: internal error on " + request.method() + " " + request.path());
                e.printStackTrace();
                response = ApiException.body(500, "emulator internal error: " + e.getClass().getSimpleName());
            }
            response.headers().set("X-GitHub-Media-Type", "github.v3; format=json");
            log.append(request, response.status());
            return response;
        }
    }

    private HttpResponse dispatch(HttpRequest request) {
        authenticate(request);
        Faults.Global global = faults.global();
        if (global.unauthorized()) {
            throw new ApiException(401, "Bad credentials");
        }
        if (global.rateLimited()) {
            String reset = Long.toString(clock.now().getEpochSecond() + 3600);
            throw new ApiException(403, "API rate limit exceeded for user ID 1.")
                    .withHeader("X-RateLimit-Limit", "5000")
                    .withHeader("X-RateLimit-Remaining", "0")
                    .withHeader("X-RateLimit-Used", "5000")
                    .withHeader("X-RateLimit-Reset", reset)
                    .withHeader("X-RateLimit-Resource", "core");
        }
        clockControl.refresh();
        return router.route(request);
    }

    /** "Authorization: token T" or "Bearer T"; absent: 401 Requires authentication. */
    private static void authenticate(HttpRequest request) {
        Optional<String> header = request.header("Authorization");
        if (header.isEmpty() || header.get().isBlank()) {
            throw new ApiException(401, "Requires authentication");
        }
        String[] parts = header.get().trim().split("\\s+", 2);
        String scheme = parts[0].toLowerCase(Locale.ROOT);
        if (parts.length != 2 || !(scheme.equals("token") || scheme.equals("bearer"))) {
            throw new ApiException(401, "Bad credentials");
        }
    }
}

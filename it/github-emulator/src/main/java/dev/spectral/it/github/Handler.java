package dev.spectral.it.github;

/** Turns one request into one response. Must not throw for anything the client did. */
@FunctionalInterface
interface Handler {
    HttpResponse handle(HttpRequest request);
}

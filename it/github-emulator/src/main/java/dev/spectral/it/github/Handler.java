package dev.spectral.it.github;

/** Turns one request into one response. Must not throw for anything the client did. */
@FunctionalInterface
interface Handler {
    HttpResponse handle(HttpRequest request);

    /**
     * Called by the connection as soon as a request's head has been read (before its body);
     * the connection then hands the request to the exchange and closes the exchange once the
     * response has been written (or the request was abandoned). The default just calls
     * {@link #handle}.
     */
    default Exchange open() {
        return new Exchange() {
            @Override
            public HttpResponse handle(HttpRequest request) {
                return Handler.this.handle(request);
            }

            @Override
            public void close() {}
        };
    }

    /** One request on its way through the server: from its head being read to its response being written. */
    interface Exchange extends AutoCloseable {
        HttpResponse handle(HttpRequest request);

        @Override
        void close();
    }
}

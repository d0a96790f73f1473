package dev.spectral.it.github;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An API error answered with GitHub's body shape {message, documentation_url}. */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final String DOCUMENTATION_URL = "https://docs.github.com/rest";

    private final int status;
    private final transient HttpHeaders headers = new HttpHeaders();

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    static ApiException notFound() {
        return new ApiException(404, "Not Found");
    }

    ApiException withHeader(String name, String value) {
        headers.set(name, value);
        return this;
    }

    int status() {
        return status;
    }

    HttpResponse toResponse() {
        HttpResponse response = body(status, getMessage());
        headers.entries().forEach(e -> response.headers().add(e.getKey(), e.getValue()));
        return response;
    }

    static HttpResponse body(int status, String message) {
        ObjectNode body = Json.object();
        body.put("message", message);
        body.put("documentation_url", DOCUMENTATION_URL);
        return HttpResponse.json(status, body);
    }
}

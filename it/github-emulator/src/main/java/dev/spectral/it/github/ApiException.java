package dev.spectral.it.github;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An API error answered with GitHub's body shape {message, documentation_url}. */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final String DOCUMENTATION_URL = "https://docs.github.com/rest";
    static final String SECONDARY_RATE_LIMIT_URL = "https://docs.github.com/free-pro-team@latest/rest/overview/"
            + "rate-limits-for-the-rest-api#about-secondary-rate-limits";

    private final int status;
    private final transient HttpHeaders headers = new HttpHeaders();
    private String documentationUrl = DOCUMENTATION_URL;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    static ApiException notFound() {
        return new ApiException(404, "Not Found");
    }

    /**
     * The primary rate limit is used up: 403 "API rate limit exceeded for user ID 1." with the
     * X-RateLimit-* headers (remaining 0), as GitHub answers. No Retry-After: GitHub sends none.
     */
    static ApiException primaryRateLimit(long limit, long used, long resetEpochSeconds) {
        return new ApiException(403, "API rate limit exceeded for user ID 1.")
                .withHeader("X-RateLimit-Limit", Long.toString(limit))
                .withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Used", Long.toString(used))
                .withHeader("X-RateLimit-Reset", Long.toString(resetEpochSeconds))
                .withHeader("X-RateLimit-Resource", "core");
    }

    /** A secondary rate limit: 403 with GitHub's message and documentation URL, and Retry-After. */
    static ApiException secondaryRateLimit(String requestId, long retryAfterSeconds) {
        ApiException e = new ApiException(
                403,
                "You have exceeded a secondary rate limit. Please wait a few minutes"
                        + " before you try again. If you reach out to GitHub Support for help, please include the request ID "
                        + requestId + ".");
        e.documentationUrl = SECONDARY_RATE_LIMIT_URL;
        return e.withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }

    ApiException withHeader(String name, String value) {
        headers.set(name, value);
        return this;
    }

    int status() {
        return status;
    }

    HttpResponse toResponse() {
        HttpResponse response = body(status, getMessage(), documentationUrl);
        headers.entries().forEach(e -> response.headers().add(e.getKey(), e.getValue()));
        return response;
    }

    static HttpResponse body(int status, String message) {
        return body(status, message, DOCUMENTATION_URL);
    }

    private static HttpResponse body(int status, String message, String documentationUrl) {
        ObjectNode body = Json.object();
        body.put("message", message);
        body.put("documentation_url", documentationUrl);
        return HttpResponse.json(status, body);
    }
}

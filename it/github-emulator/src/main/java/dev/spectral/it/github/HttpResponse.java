package dev.spectral.it.github;

import com.fasterxml.jackson.databind.JsonNode;

/** A complete response: status, headers and a body whose length is known up front. */
record HttpResponse(int status, HttpHeaders headers, byte[] body) {

    static HttpResponse json(int status, JsonNode body) {
        HttpHeaders headers = new HttpHeaders().add("Content-Type", "application/json; charset=utf-8");
        return new HttpResponse(status, headers, Json.bytes(body));
    }

    static HttpResponse empty(int status) {
        return new HttpResponse(status, new HttpHeaders(), new byte[0]);
    }

    HttpResponse withHeader(String name, String value) {
        headers.set(name, value);
        return this;
    }
}

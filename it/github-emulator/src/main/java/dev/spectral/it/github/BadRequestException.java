package dev.spectral.it.github;

import java.io.IOException;

/** The bytes on the connection are not an HTTP/1.1 request we can parse; the connection ends. */
final class BadRequestException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;

    BadRequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    BadRequestException(String message) {
        this(400, message);
    }

    int status() {
        return status;
    }
}

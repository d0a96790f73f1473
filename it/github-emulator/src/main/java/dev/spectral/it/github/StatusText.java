package dev.spectral.it.github;

/** Reason phrases for the status codes the emulator answers with. */
final class StatusText {
    private StatusText() {}

    static String of(int status) {
        switch (status) {
            case 100:
                return "Continue";
            case 200:
                return "OK";
            case 201:
                return "Created";
            case 204:
                return "No Content";
            case 400:
                return "Bad Request";
            case 401:
                return "Unauthorized";
            case 403:
                return "Forbidden";
            case 404:
                return "Not Found";
            case 409:
                return "Conflict";
            case 413:
                return "Payload Too Large";
            case 422:
                return "Unprocessable Entity";
            case 431:
                return "Request Header Fields Too Large";
            case 500:
                return "Internal Server Error";
            case 501:
                return "Not Implemented";
            default:
                return "Status " + status;
        }
    }
}

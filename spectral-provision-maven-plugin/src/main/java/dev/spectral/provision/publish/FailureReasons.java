package dev.spectral.provision.publish;

import java.util.ArrayList;
import java.util.List;

/**
 * The distinct reasons changes failed for, numbered in the order they first occurred, so that the
 * log and the report spell each out once however many keys it hit.
 */
final class FailureReasons {

    private final List<String> reasons = new ArrayList<>();

    /** The reason's number (from 1), and whether it is new. */
    synchronized Numbered number(String reason) {
        int index = reasons.indexOf(reason);
        if (index >= 0) {
            return new Numbered(index + 1, false);
        }
        reasons.add(reason);
        return new Numbered(reasons.size(), true);
    }

    synchronized List<String> all() {
        return List.copyOf(reasons);
    }

    record Numbered(int number, boolean first) {}
}

package dev.spectral.it.github;

import java.time.Instant;

/** A variable's value and its timestamps. */
record StoredVariable(String value, Instant createdAt, Instant updatedAt) {}

package dev.spectral.it.github;

import java.time.Instant;

/** A secret's plaintext (as decrypted from gh's sealed box) and its timestamps. */
record StoredSecret(byte[] value, Instant createdAt, Instant updatedAt) {}

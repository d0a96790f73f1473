package dev.spectral.provision.config;

import java.util.Objects;

/** The right-hand side of an entry: a committed literal, or a reference to a secret in 1Password. */
public sealed interface Value permits Value.Literal, Value.Secret {

    /** Non-secret configuration, committed in the file; published as a GitHub variable. */
    record Literal(String text) implements Value {
        public Literal {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A secret resolved at use; published as a GitHub secret. */
    record Secret(OpReference reference) implements Value {
        public Secret {
            Objects.requireNonNull(reference, "reference");
        }
    }
}

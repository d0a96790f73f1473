package dev.spectral.provision.verify.scan;

/** A value holding a JSON Web Token of one kind (see {@link Jwts}); anon tokens are never a kind to flag. */
public record JwtRule(String id, String description, Jwts.Kind kind) implements SecretRule {

    public JwtRule {
        if (kind == Jwts.Kind.ANON) {
            throw new IllegalArgumentException("anon tokens are public");
        }
    }

    @Override
    public boolean matches(String key, String value) {
        return value.contains("eyJ") && Jwts.kinds(value).contains(kind);
    }
}

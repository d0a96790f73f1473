package dev.spectral.provision.verify;

import java.util.regex.Pattern;

/** A known credential format: a literal that matches is a secret committed by mistake. */
public record SecretRule(String id, String description, Pattern pattern) {

    public boolean matches(String value) {
        return pattern.matcher(value).find();
    }
}

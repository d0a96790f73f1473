package dev.spectral.provision.onepassword;

import dev.spectral.provision.config.OpReference;
import dev.spectral.provision.secret.SecretValue;
import java.util.Collection;
import java.util.Map;

/** The 1Password side: everything the plugin reads from or writes to 1Password. */
public interface OnePassword {

    /**
     * Resolves every reference, each distinct reference once, with a number of calls that does not
     * grow with the number of references. All or nothing: on any failure, no value is returned.
     *
     * @return each reference's value, byte-exact
     * @throws OnePasswordException naming the reference that failed and why
     */
    Map<OpReference, SecretValue> resolve(Collection<OpReference> references) throws OnePasswordException;
}

package dev.spectral.provision.verify;

import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.Finding;
import java.util.List;

/** One offline rule over the parsed configuration. Checks report every finding; none stops the others. */
public interface Check {

    List<Finding> check(Config config, VerifySettings settings);
}

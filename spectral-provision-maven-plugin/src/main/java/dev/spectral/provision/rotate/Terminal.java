package dev.spectral.provision.rotate;

import java.util.Optional;

/** The person at the keyboard, when there is one. */
public interface Terminal {

    /** False in batch mode or without a console: then nothing may be asked, and nothing may hang. */
    boolean interactive();

    /** A line typed in answer to the prompt; empty at end of input. */
    Optional<String> readLine(String prompt);

    /** A secret typed without echo; empty at end of input. */
    Optional<char[]> readSecret(String prompt);
}

package dev.spectral.provision.log;

/** Where the engine reports progress; the Maven adapter maps it onto Maven's log. */
public interface Log {

    void debug(String message);

    void info(String message);

    void warn(String message);

    void error(String message);

    boolean isDebugEnabled();
}

package dev.spectral.provision.process;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Daemon threads for pumping child I/O: blocking reads must not use the common fork-join pool. */
final class Threads {

    static final ExecutorService IO = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "spectral-process-io");
        thread.setDaemon(true);
        return thread;
    });

    private Threads() {}
}

package dev.spectral.provision.testing;

import dev.spectral.provision.log.Log;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Log} that keeps every line as {@code LEVEL message}. */
public final class RecordingLog implements Log {

    private final boolean debugEnabled;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    public RecordingLog(boolean debugEnabled) {
        this.debugEnabled = debugEnabled;
    }

    public RecordingLog() {
        this(true);
    }

    @Override
    public void debug(String message) {
        lines.add("DEBUG " + message);
    }

    @Override
    public void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    @Override
    public void error(String message) {
        lines.add("ERROR " + message);
    }

    @Override
    public boolean isDebugEnabled() {
        return debugEnabled;
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The lines of one level, without the level. */
    public List<String> lines(String level) {
        return lines.stream()
                .filter(l -> l.startsWith(level + " "))
                .map(l -> l.substring(level.length() + 1))
                .toList();
    }

    public String all() {
        return String.join("\n", lines);
    }
}

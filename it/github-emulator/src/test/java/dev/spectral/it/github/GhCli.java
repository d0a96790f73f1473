package dev.spectral.it.github;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real gh with a clean environment and a given GH_CONFIG_DIR (also for the tests of gh-lite). */
public final class GhCli {
    public record Result(int exit, String stdout, String stderr) {}

    private final Path configDir;
    private final Path workDir;

    public GhCli(Path configDir, Path workDir) {
        this.configDir = configDir;
        this.workDir = workDir;
    }

    public static boolean onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "gh"))) {
                return true;
            }
        }
        return false;
    }

    public Result run(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("gh");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        Map<String, String> env = builder.environment();
        env.clear(); // GH_TOKEN, GITHUB_TOKEN, GH_HOST, GH_REPO, GH_DEBUG from the outside must not leak in
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", workDir.toString());
        env.put("GH_CONFIG_DIR", configDir.toString());
        env.put("GH_NO_UPDATE_NOTIFIER", "1");
        env.put("GH_PROMPT_DISABLED", "1");
        env.put("NO_COLOR", "1");
        Path out = Files.createTempFile(workDir, "gh-out", ".txt");
        Path err = Files.createTempFile(workDir, "gh-err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("gh " + String.join(" ", args) + " did not finish in 60 s");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}

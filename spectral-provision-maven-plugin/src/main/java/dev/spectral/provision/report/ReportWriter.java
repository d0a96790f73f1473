package dev.spectral.provision.report;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Writes a run's machine-readable report (JSON) and, on GitHub Actions, appends its Markdown to the
 * step summary. Reports are built from records that hold no values.
 */
public final class ReportWriter {

    /** Objects on one line, each element of an array on its own: a report of hundreds of changes stays small and readable. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .findAndRegisterModules()
            .setDefaultPrettyPrinter(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("", ""))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")))
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {}

    public static void writeJson(Path file, Object report) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), report);
    }

    public static void writeText(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Appends to the file named by GITHUB_STEP_SUMMARY, when there is one. */
    public static void appendStepSummary(Optional<Path> summary, String markdown) throws IOException {
        if (summary.isPresent()) {
            Files.writeString(
                    summary.get(),
                    markdown + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }
}

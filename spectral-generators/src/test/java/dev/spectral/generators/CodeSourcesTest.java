package dev.spectral.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.ECKey;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CodeSourcesTest {

    @Test
    void namesTheJarAClassCameFrom() {
        String source = CodeSources.of(ECKey.class);

        assertTrue(source.endsWith(".jar") && Files.isRegularFile(Path.of(source)), source);
    }

    @Test
    void namesTheDirectoryAClassCameFrom() {
        String source = CodeSources.of(CodeSourcesTest.class);

        assertTrue(Files.isRegularFile(Path.of(source, "dev/spectral/generators/CodeSourcesTest.class")), source);
    }

    @Test
    void saysUnknownSourceWhenTheJvmDoesNotTell() {
        // JDK classes have no code source.
        assertEquals("unknown source", CodeSources.of(String.class));
    }
}

package dev.spectral.generators;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spectral.generators.builtin.Es256JwkGenerator;
import dev.spectral.generators.fixtures.ExplodingGenerator;
import dev.spectral.generators.fixtures.FixtureTokenGenerator;
import dev.spectral.generators.fixtures.ImpostorEs256Generator;
import dev.spectral.generators.fixtures.MalformedIdGenerator;
import dev.spectral.generators.fixtures.PromptClaimingGenerator;
import dev.spectral.generators.fixtures.TwoLineDescriptionGenerator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorRegistryTest {

    private static final List<String> BUILT_IN_IDS =
            List.of("ed25519-jwk", "es256-jwk", "password", "random-token", "rsa-jwk");

    private static final ClassLoader MODULE_LOADER = GeneratorRegistryTest.class.getClassLoader();

    @TempDir
    Path temp;

    @Test
    void loadsTheFiveBuiltInsSortedById() throws Exception {
        GeneratorRegistry registry = GeneratorRegistry.load(MODULE_LOADER);

        assertEquals(BUILT_IN_IDS, registry.ids());
        assertEquals(
                BUILT_IN_IDS, registry.list().stream().map(GeneratorInfo::id).toList());
    }

    @Test
    void findsByIdAndOnlyByExactId() throws Exception {
        GeneratorRegistry registry = GeneratorRegistry.load(MODULE_LOADER);

        assertInstanceOf(Es256JwkGenerator.class, registry.find("es256-jwk").orElseThrow());
        assertTrue(registry.find("ES256-JWK").isEmpty());
        assertTrue(registry.find("prompt").isEmpty());
        assertTrue(registry.find("hex-token").isEmpty());
    }

    @Test
    void listsDescriptionClassAndTheDirectoryOrJarEachCameFrom() throws Exception {
        for (GeneratorInfo info : GeneratorRegistry.load(MODULE_LOADER).list()) {
            Path source = Path.of(info.source());
            Path classFile = source.resolve(info.className().replace('.', '/') + ".class");
            assertAll(
                    info.id(),
                    () -> assertFalse(info.description().isBlank(), "description"),
                    () -> assertTrue(info.className().startsWith("dev.spectral.generators.builtin."), info.className()),
                    // Built from this module, the built-ins come from its target/classes directory.
                    () -> assertTrue(Files.isRegularFile(classFile), "no " + classFile));
        }
    }

    @Test
    void loadsAfreshOnEveryCall() throws Exception {
        SecretGenerator first =
                GeneratorRegistry.load(MODULE_LOADER).find("password").orElseThrow();
        SecretGenerator second =
                GeneratorRegistry.load(MODULE_LOADER).find("password").orElseThrow();

        assertNotSame(first, second);
    }

    @Test
    void addsAThirdPartyGeneratorWithItsSource() throws Exception {
        try (URLClassLoader loader = loaderListing(FixtureTokenGenerator.class)) {
            GeneratorRegistry registry = GeneratorRegistry.load(loader);

            assertEquals(6, registry.ids().size());
            GeneratorInfo info = registry.list().stream()
                    .filter(i -> i.id().equals("fixture-token"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(FixtureTokenGenerator.class.getName(), info.className());
            assertEquals(testClassesDir(), info.source());
        }
    }

    @Test
    void rejectsTwoGeneratorsWithTheSameIdNamingBothClassesAndBothSources() throws Exception {
        try (URLClassLoader loader = loaderListing(ImpostorEs256Generator.class)) {
            String message = assertThrows(GeneratorRegistryException.class, () -> GeneratorRegistry.load(loader))
                    .getMessage();

            assertAll(
                    message,
                    () -> assertTrue(message.contains("'es256-jwk'")),
                    () -> assertTrue(message.contains(Es256JwkGenerator.class.getName())),
                    () -> assertTrue(message.contains(ImpostorEs256Generator.class.getName())),
                    () -> assertFalse(mainClassesDir().equals(testClassesDir()), "sources must differ"),
                    () -> assertTrue(message.contains(mainClassesDir())),
                    () -> assertTrue(message.contains(testClassesDir())),
                    () -> assertTrue(message.contains("remove one of these jars from the <dependencies>")));
        }
    }

    /** ServiceLoader de-duplicates by class name: the same class listed twice is not a conflict. */
    @Test
    void countsAClassListedInTwoServicesFilesOnce() throws Exception {
        try (URLClassLoader loader = loaderListing(Es256JwkGenerator.class)) {
            assertEquals(BUILT_IN_IDS, GeneratorRegistry.load(loader).ids());
        }
    }

    @Test
    void rejectsTheReservedPromptId() throws Exception {
        try (URLClassLoader loader = loaderListing(PromptClaimingGenerator.class)) {
            String message = assertThrows(GeneratorRegistryException.class, () -> GeneratorRegistry.load(loader))
                    .getMessage();

            assertAll(
                    message,
                    () -> assertTrue(message.contains("'prompt'")),
                    () -> assertTrue(message.contains("reserved")),
                    () -> assertTrue(message.contains(PromptClaimingGenerator.class.getName())),
                    () -> assertTrue(message.contains(testClassesDir())));
        }
    }

    @Test
    void rejectsAMalformedId() throws Exception {
        try (URLClassLoader loader = loaderListing(MalformedIdGenerator.class)) {
            String message = assertThrows(GeneratorRegistryException.class, () -> GeneratorRegistry.load(loader))
                    .getMessage();

            assertAll(
                    message,
                    () -> assertTrue(message.contains("'Hex_Token'")),
                    () -> assertTrue(message.contains(MalformedIdGenerator.class.getName())),
                    () -> assertTrue(message.contains(testClassesDir())));
        }
    }

    @Test
    void rejectsADescriptionThatIsNotOneLine() throws Exception {
        try (URLClassLoader loader = loaderListing(TwoLineDescriptionGenerator.class)) {
            String message = assertThrows(GeneratorRegistryException.class, () -> GeneratorRegistry.load(loader))
                    .getMessage();

            assertTrue(message.contains(TwoLineDescriptionGenerator.class.getName()), message);
        }
    }

    @Test
    void reportsAProviderThatCannotBeCreatedByClassName() throws Exception {
        try (URLClassLoader loader = loaderListing(ExplodingGenerator.class)) {
            GeneratorRegistryException e =
                    assertThrows(GeneratorRegistryException.class, () -> GeneratorRegistry.load(loader));

            assertTrue(e.getMessage().contains(ExplodingGenerator.class.getName()), e.getMessage());
            assertTrue(e.getMessage().contains(testClassesDir()), e.getMessage());
            assertTrue(e.getMessage().contains("constructor refuses"), "the reason, not only 'not instantiated'");
        }
    }

    @Test
    void reportsAListedClassThatDoesNotExistByName() throws Exception {
        try (URLClassLoader loader = loaderListing("com.example.MissingGenerator")) {
            String message = assertThrows(GeneratorRegistryException.class, () -> GeneratorRegistry.load(loader))
                    .getMessage();

            assertTrue(message.contains("com.example.MissingGenerator"), message);
        }
    }

    @Test
    void acceptsOnlyLowerCaseWordsJoinedBySingleDashes() {
        assertAll(
                () -> assertTrue(GeneratorIds.isWellFormed("es256-jwk")),
                () -> assertTrue(GeneratorIds.isWellFormed("x")),
                () -> assertFalse(GeneratorIds.isWellFormed(null)),
                () -> assertFalse(GeneratorIds.isWellFormed("")),
                () -> assertFalse(GeneratorIds.isWellFormed("-x")),
                () -> assertFalse(GeneratorIds.isWellFormed("x-")),
                () -> assertFalse(GeneratorIds.isWellFormed("a--b")),
                () -> assertFalse(GeneratorIds.isWellFormed("a:b")),
                () -> assertFalse(GeneratorIds.isWellFormed("hex_token")),
                () -> assertFalse(GeneratorIds.isWellFormed("Hex")));
    }

    /** A loader that sees the built-ins (through its parent) plus a services file naming {@code classes}. */
    private URLClassLoader loaderListing(Class<?>... classes) throws IOException {
        return loaderListing(Arrays.stream(classes).map(Class::getName).toArray(String[]::new));
    }

    private URLClassLoader loaderListing(String... classNames) throws IOException {
        Path services = temp.resolve("META-INF/services/" + SecretGenerator.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, String.join("\n", classNames) + "\n");
        return new URLClassLoader(new URL[] {temp.toUri().toURL()}, MODULE_LOADER);
    }

    private static String mainClassesDir() {
        return locationOf(Es256JwkGenerator.class);
    }

    private static String testClassesDir() {
        return locationOf(GeneratorRegistryTest.class);
    }

    private static String locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}

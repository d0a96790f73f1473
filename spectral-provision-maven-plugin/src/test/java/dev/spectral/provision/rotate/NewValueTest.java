package dev.spectral.provision.rotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spectral.generators.GenerationException;
import dev.spectral.generators.GeneratorContext;
import dev.spectral.generators.SecretGenerator;
import dev.spectral.provision.config.Position;
import dev.spectral.provision.config.RotationSpec;
import dev.spectral.provision.secret.Redactor;
import dev.spectral.provision.secret.SecretValue;
import dev.spectral.provision.testing.References;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NewValueTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);

    private final Redactor redactor = new Redactor();

    private static RotationPlan plan(String generator, RotationSpec.Scope scope, Optional<String> environment) {
        RotationSpec spec = new RotationSpec("API_KEY", generator, scope, new Position("environments.toml", 9, 1));
        return new RotationPlan(
                spec,
                Optional.empty(),
                environment,
                References.ref("op://Spectral/anthropic/credential"),
                List.of("production"),
                List.of(),
                false);
    }

    private static RotationPlan promptPlan() {
        return plan(RotationSpec.PROMPT, RotationSpec.Scope.SHARED, Optional.empty());
    }

    private NewValue newValue(Terminal terminal, Map<String, String> environment) {
        return new NewValue(terminal, environment, redactor, CLOCK);
    }

    private static SecretGenerator generator(String id, Generate body) {
        return new SecretGenerator() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String description() {
                return "test generator";
            }

            @Override
            public String generate(GeneratorContext context) throws GenerationException {
                return body.generate(context);
            }
        };
    }

    @FunctionalInterface
    private interface Generate {
        String generate(GeneratorContext context) throws GenerationException;
    }

    // ---- generators -------------------------------------------------------------------------

    @Test
    void registersTheGeneratedValueWithTheRedactorAndPassesKeyEnvironmentAndClock() throws Exception {
        GeneratorContext[] seen = new GeneratorContext[1];
        SecretGenerator generator = generator("const-token", c -> {
            seen[0] = c;
            return "gEn-7fQ9zzLm88Pw";
        });

        SecretValue value = newValue(FakeTerminal.batch(), Map.of())
                .generate(generator, plan("const-token", RotationSpec.Scope.PER_ENV, Optional.of("staging")));

        assertEquals("gEn-7fQ9zzLm88Pw", value.reveal());
        assertEquals("log: *** end", redactor.redact("log: gEn-7fQ9zzLm88Pw end"));
        assertEquals("API_KEY", seen[0].key());
        assertEquals(Optional.of("staging"), seen[0].environment());
        assertSame(CLOCK, seen[0].clock());
    }

    @Test
    void aFailingGeneratorIsAToolErrorThatSaysNothingWasWrittenAndShowsNoValue() {
        redactor.register("earlier-secret-Vx81kQ");
        GenerationException failure = new GenerationException("key store refused earlier-secret-Vx81kQ");
        SecretGenerator generator = generator("failing-token", c -> {
            throw failure;
        });

        RotationException e = assertThrows(
                RotationException.class,
                () -> newValue(FakeTerminal.batch(), Map.of())
                        .generate(generator, plan("failing-token", RotationSpec.Scope.SHARED, Optional.empty())));

        assertEquals(RotationException.Cause.TOOL, e.reason());
        assertTrue(e.getMessage().contains("failing-token"), e.getMessage());
        assertTrue(e.getMessage().contains("API_KEY"), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was written"), e.getMessage());
        assertFalse(e.getMessage().contains("earlier-secret-Vx81kQ"), e.getMessage());
        assertTrue(e.getMessage().contains("key store refused ***"), e.getMessage());
        assertSame(failure, e.getCause());
    }

    @Test
    void aGeneratorThatThrowsAnUncheckedExceptionIsAToolErrorToo() {
        SecretGenerator generator = generator("buggy-token", c -> {
            throw new IllegalStateException("index out of range");
        });

        RotationException e = assertThrows(
                RotationException.class,
                () -> newValue(FakeTerminal.batch(), Map.of())
                        .generate(generator, plan("buggy-token", RotationSpec.Scope.SHARED, Optional.empty())));

        assertEquals(RotationException.Cause.TOOL, e.reason());
        assertTrue(e.getMessage().contains("nothing was written"), e.getMessage());
    }

    @Test
    void refusesAnEmptyGeneratedValue() {
        SecretGenerator generator = generator("empty-token", c -> "");

        RotationException e = assertThrows(
                RotationException.class,
                () -> newValue(FakeTerminal.batch(), Map.of())
                        .generate(generator, plan("empty-token", RotationSpec.Scope.SHARED, Optional.empty())));

        assertEquals(RotationException.Cause.TOOL, e.reason());
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was written"), e.getMessage());
    }

    @Test
    void refusesANullGeneratedValue() {
        SecretGenerator generator = generator("null-token", c -> null);

        RotationException e = assertThrows(
                RotationException.class,
                () -> newValue(FakeTerminal.batch(), Map.of())
                        .generate(generator, plan("null-token", RotationSpec.Scope.SHARED, Optional.empty())));

        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    // ---- typed at the console ---------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "t0p-Secret-Value|t0p-Secret-Value|t0p-Secret-Value",
                "t0p-Secret-Value\\n|t0p-Secret-Value\\n|t0p-Secret-Value",
                "t0p-Secret-Value\\r\\n|t0p-Secret-Value\\r\\n|t0p-Secret-Value",
                "t0p-Secret-Value\\n|t0p-Secret-Value|t0p-Secret-Value",
                "two-newlines\\n\\n|two-newlines\\n\\n|two-newlines\\n"
            })
    void takesTwoMatchingEntriesWithOneTrailingNewlineTrimmed(String first, String second, String expected)
            throws Exception {
        FakeTerminal terminal = FakeTerminal.withConsole().type(unescape(first)).type(unescape(second));

        SecretValue value = newValue(terminal, Map.of()).prompted(promptPlan(), Optional.empty());

        assertEquals(unescape(expected), value.reveal());
        assertEquals(2, terminal.prompts().size());
        assertTrue(
                terminal.prompts().get(0).contains("API_KEY"),
                terminal.prompts().toString());
        assertEquals("x ***", redactor.redact("x " + unescape(expected).strip()));
    }

    @Test
    void wipesTheTypedCharacters() throws Exception {
        FakeTerminal terminal =
                FakeTerminal.withConsole().type("wipe-me-please").type("wipe-me-please");

        newValue(terminal, Map.of()).prompted(promptPlan(), Optional.empty());

        assertEquals(2, terminal.handedOut().size());
        for (char[] chars : terminal.handedOut()) {
            assertEquals("\0".repeat(chars.length), new String(chars));
        }
    }

    @Test
    void refusesTwoEntriesThatDifferWithoutShowingEither() {
        FakeTerminal terminal =
                FakeTerminal.withConsole().type("first-Entry-11").type("second-Entry-22");

        RotationException e = assertThrows(
                RotationException.class, () -> newValue(terminal, Map.of()).prompted(promptPlan(), Optional.empty()));

        assertEquals(RotationException.Cause.CONFIGURATION, e.reason());
        assertTrue(e.getMessage().contains("differ"), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was written"), e.getMessage());
        assertFalse(e.getMessage().contains("first-Entry-11"), e.getMessage());
        assertFalse(e.getMessage().contains("second-Entry-22"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "\r\n"})
    void refusesAnEmptyEntry(String typed) {
        FakeTerminal terminal = FakeTerminal.withConsole().type(typed).type(typed);

        RotationException e = assertThrows(
                RotationException.class, () -> newValue(terminal, Map.of()).prompted(promptPlan(), Optional.empty()));

        assertEquals(RotationException.Cause.CONFIGURATION, e.reason());
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void refusesEndOfInput() {
        FakeTerminal terminal = FakeTerminal.withConsole().type("only-once-typed");

        RotationException e = assertThrows(
                RotationException.class, () -> newValue(terminal, Map.of()).prompted(promptPlan(), Optional.empty()));

        assertTrue(e.getMessage().contains("no value was entered"), e.getMessage());
        assertFalse(e.getMessage().contains("only-once-typed"), e.getMessage());
    }

    @Test
    void withoutAConsoleSaysToUseValueFromAndAsksNothing() {
        // FakeTerminal.batch() fails the test if anything is asked.
        RotationException e = assertThrows(
                RotationException.class,
                () -> newValue(FakeTerminal.batch(), Map.of()).prompted(promptPlan(), Optional.empty()));

        assertEquals(RotationException.Cause.CONFIGURATION, e.reason());
        assertTrue(e.getMessage().contains("-Dspectral.valueFrom=env:NAME"), e.getMessage());
    }

    // ---- spectral.valueFrom -----------------------------------------------------------------

    @Test
    void valueFromReadsTheNamedVariableOfTheGivenEnvironment() throws Exception {
        Map<String, String> environment = Map.of("NEW_API_KEY", "fr0m-Env-Var-55", "OTHER", "not-this-one");

        SecretValue value =
                newValue(FakeTerminal.batch(), environment).prompted(promptPlan(), Optional.of("env:NEW_API_KEY"));

        assertEquals("fr0m-Env-Var-55", value.reveal());
        assertEquals("***", redactor.redact("fr0m-Env-Var-55"));
    }

    @Test
    void valueFromWinsOverTheConsole() throws Exception {
        FakeTerminal terminal =
                FakeTerminal.withConsole().type("typed-value-xx").type("typed-value-xx");

        SecretValue value =
                newValue(terminal, Map.of("V", "fr0m-Env-Var-55")).prompted(promptPlan(), Optional.of("env:V"));

        assertEquals("fr0m-Env-Var-55", value.reveal());
        assertEquals(List.of(), terminal.prompts());
    }

    @ParameterizedTest
    @ValueSource(strings = {"MISSING", "EMPTY"})
    void refusesAMissingOrEmptyVariable(String name) {
        Map<String, String> environment = Map.of("EMPTY", "", "PRESENT", "x");

        RotationException e = assertThrows(
                RotationException.class,
                () -> newValue(FakeTerminal.batch(), environment).prompted(promptPlan(), Optional.of("env:" + name)));

        assertEquals(RotationException.Cause.CONFIGURATION, e.reason());
        assertTrue(e.getMessage().contains(name), e.getMessage());
        assertTrue(e.getMessage().contains("not set or empty"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NAME", "env:", "ENV:NAME", "file:/tmp/x"})
    void refusesAMalformedValueFrom(String valueFrom) {
        RotationException e = assertThrows(
                RotationException.class,
                () -> newValue(FakeTerminal.batch(), Map.of("NAME", "x"))
                        .prompted(promptPlan(), Optional.of(valueFrom)));

        assertEquals(RotationException.Cause.CONFIGURATION, e.reason());
        assertTrue(e.getMessage().contains("env:NAME"), e.getMessage());
    }

    /**
     * The likely mistake is passing the new value itself ({@code -Dspectral.valueFrom=sk_live_...}):
     * the refusal must not print it back, since nothing has registered it with the redactor.
     */
    @Test
    void aMalformedValueFromThatIsReallyTheValueIsNotEchoed() {
        String mistake = "sk_live_51HxQz9Kf3LpT8vWmNq";

        RotationException e = assertThrows(
                RotationException.class,
                () -> newValue(FakeTerminal.batch(), Map.of()).prompted(promptPlan(), Optional.of(mistake)));

        assertTrue(e.getMessage().contains("env:NAME"), e.getMessage());
        assertFalse(e.getMessage().contains(mistake), e.getMessage());
    }

    private static String unescape(String text) {
        return text.replace("\\r", "\r").replace("\\n", "\n");
    }
}

package dev.spectral.provision.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spectral.provision.config.Config;
import dev.spectral.provision.config.Environment;
import dev.spectral.provision.testing.Configs;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnvironmentSelectionTest {

    private static final Config CONFIG = Configs.valid("""
            [production]
            APP_ENV = "production"
            [staging]
            APP_ENV = "staging"
            [dev]
            APP_ENV = "dev"
            """);

    private static List<String> names(String selection) throws ProvisionException {
        return EnvironmentSelection.select(selection, CONFIG).stream()
                .map(Environment::name)
                .toList();
    }

    @Test
    void selectsOneEnvironment() throws Exception {
        assertEquals(List.of("staging"), names("staging"));
    }

    @Test
    void selectsACommaListInItsOrderWithDuplicatesOnce() throws Exception {
        assertEquals(List.of("staging", "production"), names("staging,production"));
        assertEquals(List.of("dev", "production"), names(" dev , production,dev,, "));
    }

    @Test
    void allSelectsEveryEnvironmentInFileOrder() throws Exception {
        assertEquals(List.of("production", "staging", "dev"), names("all"));
        assertEquals(List.of("production", "staging", "dev"), names(" all "));
    }

    @Test
    void anUnknownNameIsAnErrorListingTheKnownOnes() {
        ProvisionException e = assertThrows(ProvisionException.class, () -> names("production,prod"));

        assertEquals(ProvisionException.Cause.CONFIGURATION, e.reason());
        assertTrue(e.getMessage().contains("'prod'"), e.getMessage());
        assertTrue(e.getMessage().contains("production, staging, dev"), e.getMessage());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void noSelectionIsAnError(String selection) {
        ProvisionException e = assertThrows(ProvisionException.class, () -> names(selection));

        assertEquals(ProvisionException.Cause.CONFIGURATION, e.reason());
        assertTrue(e.getMessage().contains("-Denv"), e.getMessage());
        assertTrue(e.getMessage().contains("production, staging, dev"), e.getMessage());
    }
}

package dev.spectral.provision.secret;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretValueTest {

    private final Redactor redactor = new Redactor();

    @Test
    void printsAsTheMaskEverywhere() {
        SecretValue value = SecretValue.of("hunter2-is-my-password", redactor);

        assertEquals("***", value.toString());
        assertEquals("key=***", "key=" + value);
        assertEquals("[***]", List.of(value).toString());
        assertEquals("{K=***}", Map.of("K", value).toString());
        assertEquals("x *** y", String.format("x %s y", value));
    }

    @Test
    void revealsTheValueAndItsUtf8Bytes() {
        SecretValue value = SecretValue.of("naïve ☃\n", redactor);

        assertEquals("naïve ☃\n", value.reveal());
        assertArrayEquals("naïve ☃\n".getBytes(StandardCharsets.UTF_8), value.bytes());
    }

    @Test
    void isEqualByValue() {
        SecretValue a = SecretValue.of("same-value", redactor);
        SecretValue b = SecretValue.of(new String("same-value".toCharArray()), redactor);
        SecretValue c = SecretValue.of("other-value", redactor);

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, c);
        assertNotEquals(a, "same-value");
    }

    @Test
    void registersTheValueWithTheRedactor() {
        SecretValue.of("registered-secret", redactor);

        assertEquals("x *** y", redactor.redact("x registered-secret y"));
    }

    @Test
    void tellsWhetherTheValueEndsWithANewline() {
        assertTrue(SecretValue.of("pem\n", redactor).endsWithNewline());
        assertTrue(SecretValue.of("pem\r\n", redactor).endsWithNewline());
        assertTrue(SecretValue.of("pem\r", redactor).endsWithNewline());
        assertFalse(SecretValue.of("pem", redactor).endsWithNewline());
        assertFalse(SecretValue.of("line\nline", redactor).endsWithNewline());
        assertFalse(SecretValue.of("", redactor).endsWithNewline());
    }
}

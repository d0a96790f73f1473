package dev.spectral.provision.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class RedactorTest {

    private final Redactor redactor = new Redactor();

    @Test
    void masksTheWholeValueWhereverItAppears() {
        redactor.register("s3cr3t-value");

        assertEquals("token=***; again ***.", redactor.redact("token=s3cr3t-value; again s3cr3t-value."));
    }

    @Test
    void masksEachLineOfAMultiLineValuePrintedAlone() {
        String pem =
                "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n-----END PRIVATE KEY-----\n";
        redactor.register(pem);

        assertEquals("key: ***", redactor.redact("key: " + pem));
        assertEquals("line 2 is ***", redactor.redact("line 2 is MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"));
        assertEquals("line 3 is ***!", redactor.redact("line 3 is BKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj!"));
        assertEquals("*** then ***", redactor.redact("-----BEGIN PRIVATE KEY----- then -----END PRIVATE KEY-----"));
    }

    @Test
    void masksTheLinesOfACrLfValueWithoutTheirCarriageReturn() {
        redactor.register("first-line-secret\r\nsecond-line-secret\r\n");

        assertEquals("[***]", redactor.redact("[first-line-secret]"));
        assertEquals("[***]", redactor.redact("[second-line-secret]"));
    }

    @Test
    void masksAnIndentedLineAlsoWithoutItsIndentation() {
        redactor.register("{\n  \"d\": \"nested-private-member\"\n}");

        assertEquals("value ***", redactor.redact("value \"d\": \"nested-private-member\""));
    }

    @Test
    void doesNotMaskLinesShorterThanFourCharactersOnTheirOwn() {
        String json = "{\nabc\n  \"k\": \"long-enough-secret\"\n}";
        redactor.register(json);

        assertEquals("{ abc } are left alone", redactor.redact("{ abc } are left alone"));
        assertEquals("whole: ***", redactor.redact("whole: " + json));
        assertEquals("the line ***", redactor.redact("the line \"k\": \"long-enough-secret\""));
    }

    @Test
    void masksALineOfExactlyFourCharacters() {
        redactor.register("abcd\nlonger-line");

        assertEquals("x *** y", redactor.redact("x abcd y"));
    }

    @Test
    void masksAShortValueWhenItIsTheWholeValue() {
        redactor.register("ab");

        assertEquals("x *** y", redactor.redact("x ab y"));
    }

    @Test
    void replacesTheLongestValueFirstSoNoTailOfAValueThatContainsAnotherLeaks() {
        redactor.register("pass1234");
        redactor.register("pass1234-and-the-rest");

        String redacted = redactor.redact("a=pass1234-and-the-rest b=pass1234");

        assertEquals("a=*** b=***", redacted);
        assertFalse(redacted.contains("and-the-rest"), redacted);
    }

    @Test
    void leavesTextUnchangedWhenNothingIsRegistered() {
        String text = "nothing to hide here";

        assertSame(text, redactor.redact(text));
        assertNull(redactor.redact(null));
        assertEquals("", redactor.redact(""));
    }

    @Test
    void ignoresAnEmptyValue() {
        redactor.register("");

        assertEquals("text stays as it is", redactor.redact("text stays as it is"));
    }
}

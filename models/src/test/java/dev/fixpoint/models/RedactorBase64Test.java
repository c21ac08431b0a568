package dev.fixpoint.models;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Redactor finds a secret in its base64 forms too, and variables named as secret whatever their names. */
@Tag("hostile-secrets")
class RedactorBase64Test {

    @Test
    void aKeyIsRedactedInItsBase64FormsAtEveryAlignment() {
        String key = "plainsecretvalue42-abcdefgh";
        Redactor r = Redactor.fromEnvironment(Map.of("MY_LLM", key), List.of("MY_LLM"));
        for (String prefix : List.of("", "x", "xy", "xyz")) {
            String b64 = Base64.getEncoder().encodeToString((prefix + key + " trailer").getBytes());
            String redacted = r.redact("blob " + b64);
            assertTrue(redacted.contains(Redactor.MASK), prefix + ": " + redacted);
            String middle = Base64.getEncoder().encodeToString(key.getBytes()).substring(4, 20);
            assertFalse(prefix.isEmpty() && redacted.contains(middle), redacted);
        }
        assertEquals("x " + Redactor.MASK, r.redact("x " + key));
        assertEquals("plain text stays", r.redact("plain text stays"));
        assertEquals("a " + key, Redactor.fromEnvironment(Map.of("MY_LLM", key)).redact("a " + key),
                "an unusual name is a secret only when named so");
    }
}

package dev.fixpoint.harness.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: a writer's output compared byte for byte with a file under the test resources' {@code golden/},
 * recorded from the writer before it was changed. On a difference the actual text is saved as
 * {@code target/golden-actual/<name>} for a diff, and the test fails.
 */
public final class Golden {

    private Golden() {}

    /** Fails unless {@code actual} is exactly the golden file {@code name}'s text (UTF-8). */
    public static void assertMatches(String name, String actual) {
        String expected = read(name);
        if (!actual.equals(expected)) {
            save(name, actual);
        }
        assertNotNull(expected, "no golden file golden/" + name + "; the actual text is in target/golden-actual/" + name);
        assertEquals(expected, actual, "golden/" + name + " differs; the actual text is in target/golden-actual/" + name);
    }

    private static String read(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read golden/" + name, e);
        }
    }

    private static void save(String name, String actual) {
        Path out = Path.of("target", "golden-actual", name);
        try {
            Files.createDirectories(out.getParent());
            Files.writeString(out, actual, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + out, e);
        }
    }
}

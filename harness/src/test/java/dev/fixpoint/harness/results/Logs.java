package dev.fixpoint.harness.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The log fixtures under {@code src/test/resources/harness/logs/} (see the README there for how each was made). */
final class Logs {

    private Logs() {}

    static String read(String path) {
        try (InputStream in = Logs.class.getResourceAsStream("/harness/logs/" + path)) {
            if (in == null) throw new IllegalArgumentException("no log fixture " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

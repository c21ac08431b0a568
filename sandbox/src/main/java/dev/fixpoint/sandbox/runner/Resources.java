package dev.fixpoint.sandbox.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The shell scripts shipped next to these classes. */
public final class Resources {
    private Resources() {}

    /** A shell script without its comment lines and indentation (it shows up in ps as an argument). */
    public static String script(String name) {
        StringBuilder sb = new StringBuilder();
        for (String line : text(name).split("\n")) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) sb.append(t).append('\n');
        }
        return sb.toString();
    }

    public static String text(String name) {
        try (InputStream in = Resources.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading resource " + name, e);
        }
    }
}

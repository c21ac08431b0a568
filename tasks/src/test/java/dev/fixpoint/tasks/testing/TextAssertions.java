package dev.fixpoint.tasks.testing;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/** Assertions on texts (prompts, comments, error messages) that must say several things. */
public final class TextAssertions {

    private TextAssertions() {}

    /** Fails unless {@code text} contains every one of {@code parts}; the failure names all that are missing and shows the text. */
    public static void assertContainsAll(String text, String... parts) {
        List<String> missing = Arrays.stream(parts).filter(p -> !text.contains(p)).toList();
        if (!missing.isEmpty()) fail("missing " + missing + " in:\n" + text);
    }
}

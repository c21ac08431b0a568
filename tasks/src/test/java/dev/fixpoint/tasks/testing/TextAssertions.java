package dev.fixpoint.tasks.testing;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/** Assertions on texts (prompts, comments, error messages) that must say several things. */
public final class TextAssertions {

    private TextAssertions() {}

    /** Fails unless {@code text} contains every one of {@code parts}; the failure names all that are missing and shows the text. */
    public static void assertContainsAll(String text, String... parts) {
        List<String> missing = Arrays.stream(parts).filter(p -> !text.contains(p)).toList();
        if (!missing.isEmpty()) fail("missing " + missing + " in:\n" + text);
    }

    /** Fails unless {@code test} accepts every one of {@code values}; the failure names all it rejects. */
    public static void assertAllAccepted(Predicate<String> test, String... values) {
        List<String> rejected = Arrays.stream(values).filter(test.negate()).toList();
        if (!rejected.isEmpty()) fail("rejected, expected accepted: " + rejected);
    }

    /** Fails unless {@code test} rejects every one of {@code values}; the failure names all it accepts. */
    public static void assertAllRejected(Predicate<String> test, String... values) {
        List<String> accepted = Arrays.stream(values).filter(test).toList();
        if (!accepted.isEmpty()) fail("accepted, expected rejected: " + accepted);
    }
}

package dev.fixpoint.tasks.testing;

/** Builds small git-style diffs for tests (shared with other modules through the test-jar). */
public final class Diffs {

    private Diffs() {
    }

    /** A modification of {@code path}: header lines, then the given hunk lines (each with its marker). */
    public static String modify(String path, String... lines) {
        return "diff --git a/" + path + " b/" + path + "\n"
                + "index 1111111..2222222 100644\n"
                + "--- a/" + path + "\n"
                + "+++ b/" + path + "\n"
                + String.join("\n", lines) + "\n";
    }

    /** The lines joined, each ending with a newline. */
    public static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }
}

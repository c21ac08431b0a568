package dev.fixpoint.verifiers.dedup;

/** Builds small git-style diffs for tests. */
final class Diffs {

    private Diffs() {
    }

    /** A modification of {@code path}: header lines, then the given hunk lines (each with its marker). */
    static String modify(String path, String... lines) {
        return "diff --git a/" + path + " b/" + path + "\n"
                + "index 1111111..2222222 100644\n"
                + "--- a/" + path + "\n"
                + "+++ b/" + path + "\n"
                + String.join("\n", lines) + "\n";
    }

    static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }
}

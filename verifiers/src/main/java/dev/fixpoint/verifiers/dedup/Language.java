package dev.fixpoint.verifiers.dedup;

import java.util.Locale;
import java.util.Set;

/** How a changed file's text is normalised, chosen by its extension. */
enum Language {
    /** Parsed with javaparser when the whole file is known; otherwise treated as {@link #C_LIKE}. */
    JAVA,
    /** {@code #} comments, significant indentation, brackets join lines. */
    PYTHON,
    /** {@code //} and {@code /* *\/} comments, free-form whitespace. */
    C_LIKE,
    /** Unknown syntax: only trailing whitespace, runs of spaces and blank lines are normalised. */
    PLAIN;

    private static final Set<String> C_LIKE_EXTENSIONS = Set.of(
            "c", "h", "cc", "cpp", "hpp", "cs", "go", "js", "jsx", "ts", "tsx", "kt", "kts", "scala", "rs",
            "swift", "groovy", "gradle");

    static Language of(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (ext.equals("java")) {
            return JAVA;
        }
        if (ext.equals("py") || ext.equals("pyi")) {
            return PYTHON;
        }
        return C_LIKE_EXTENSIONS.contains(ext) ? C_LIKE : PLAIN;
    }
}

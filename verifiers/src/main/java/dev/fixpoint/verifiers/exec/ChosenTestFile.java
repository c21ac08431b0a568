package dev.fixpoint.verifiers.exec;

import java.util.List;

/**
 * A repository test file chosen as a regression test, and why.
 *
 * @param file    repository-relative path, e.g. {@code sympy/printing/tests/test_str.py}
 * @param reasons why it relates to the change, strongest first, e.g.
 *                {@code "named after sympy/printing/str.py"}, {@code "imports sympy.printing.str"},
 *                {@code "same package directory as sympy/printing/str.py"}
 */
public record ChosenTestFile(String file, List<String> reasons) {

    public ChosenTestFile {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("a chosen test file needs a path, not: " + file);
        }
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException(file + ": a chosen test file needs at least one reason");
        }
    }

    /** {@code file: reason; reason}, for notes and logs. */
    @Override
    public String toString() {
        return file + ": " + String.join("; ", reasons);
    }
}

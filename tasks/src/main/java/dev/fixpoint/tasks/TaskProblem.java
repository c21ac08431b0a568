package dev.fixpoint.tasks;

import java.util.Objects;

/**
 * One thing wrong with one row of a task file, e.g. {@code tasks.jsonl:7: FAIL_TO_PASS: not a JSON list of strings: 3}.
 *
 * @param source  the file (or other source) name, as given to the loader
 * @param line    1-based line where the row starts, or 0 when not known
 * @param field   the offending field in SWE-bench's spelling ({@code FAIL_TO_PASS}, {@code environment.image}),
 *                or {@code "row"} when the row as a whole is bad
 * @param message what is wrong, naming the bad value
 */
public record TaskProblem(String source, int line, String field, String message) {

    public TaskProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0, not: " + line);
        }
    }

    @Override
    public String toString() {
        return (line > 0 ? source + ":" + line : source) + ": " + field + ": " + message;
    }
}

package dev.fixpoint.tasks;

import java.util.List;
import java.util.stream.Collectors;

/** A task file has bad rows and the loader was not told to skip them. Carries every problem found. */
public class InvalidTaskException extends TaskException {

    private static final int SHOWN = 10;

    private final transient List<TaskProblem> problems;

    public InvalidTaskException(List<TaskProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in file order. */
    public List<TaskProblem> problems() {
        return problems;
    }

    private static String describe(List<TaskProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidTaskException needs at least one problem");
        }
        String shown = problems.stream().limit(SHOWN).map(TaskProblem::toString).collect(Collectors.joining("\n  "));
        String more = problems.size() > SHOWN ? "\n  ... and " + (problems.size() - SHOWN) + " more" : "";
        String plural = problems.size() == 1 ? "1 invalid row" : problems.size() + " problems";
        return plural + ":\n  " + shown + more
                + "\nFix the rows, or skip them (skipInvalid / --skip-invalid) to load the rest.";
    }
}

package dev.fixpoint.agent;

import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.layout.NearestTests;
import dev.fixpoint.tasks.layout.RepoFiles;
import dev.fixpoint.tasks.layout.SourceLanguage;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a session's prompts and tools need to know of the repository at the base commit: its language (which code
 * tools fit) and its test files nearest the code the issue names (an example for the test command).
 *
 * @param language     told from the tree ({@link SourceLanguage#of})
 * @param nearestTests up to {@link #KEPT} test files, nearest first ({@link NearestTests}); may be empty
 */
public record RepoFacts(SourceLanguage language, List<String> nearestTests) {

    /** How many nearest test files are kept. */
    public static final int KEPT = 5;

    public RepoFacts {
        Objects.requireNonNull(language, "language");
        nearestTests = List.copyOf(nearestTests);
    }

    /** Nothing known: no code tools fit for sure, no example test. */
    public static RepoFacts none() {
        return new RepoFacts(SourceLanguage.UNKNOWN, List.of());
    }

    /**
     * The facts of the checkout at {@code tree} (the task's base commit) for {@code task}'s issue; reads the source
     * files to find where the identifiers the issue names are defined ({@link NearestTests#rank(Path, String)}).
     */
    public static RepoFacts of(Path tree, Task task) {
        List<String> nearest = NearestTests.rank(tree, task.problemStatement()).stream().limit(KEPT).map(NearestTests.Ranked::path).toList();
        return new RepoFacts(SourceLanguage.of(RepoFiles.list(tree)), nearest);
    }

    /** The facts of a tree of {@code files} (relative paths) for an issue saying {@code problemStatement}. */
    public static RepoFacts of(List<String> files, String problemStatement) {
        List<String> nearest = NearestTests.rank(files, problemStatement).stream().limit(KEPT).map(NearestTests.Ranked::path).toList();
        return new RepoFacts(SourceLanguage.of(files), nearest);
    }

    /** The test file nearest the issue, if the repository has any. */
    public Optional<String> exampleTest() {
        return nearestTests.stream().findFirst();
    }
}

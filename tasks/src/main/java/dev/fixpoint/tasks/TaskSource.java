package dev.fixpoint.tasks;

import java.nio.file.Path;

/**
 * Where tasks come from: a SWE-bench file ({@link #file(Path)}, JSON array, JSONL or a Hugging Face export),
 * or a local repository plus an issue text ({@link LocalIssueSource}) for the CI bot.
 */
@FunctionalInterface
public interface TaskSource {

    /**
     * Loads the tasks.
     *
     * @throws InvalidTaskException when rows are invalid and the source does not skip them
     * @throws TaskException        when the source cannot be read at all
     */
    TaskLoadResult load();

    /** A JSON, JSONL or Hugging Face export file; invalid rows fail the load. */
    static TaskSource file(Path file) {
        return () -> TaskLoader.strict().load(file);
    }

    /** A JSON, JSONL or Hugging Face export file, loaded by the given loader (e.g. {@link TaskLoader#lenient()}). */
    static TaskSource file(Path file, TaskLoader loader) {
        return () -> loader.load(file);
    }
}

package dev.fixpoint.verifiers.exec;

import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.env.CommandTemplate;
import java.util.List;
import java.util.Optional;

/**
 * How verification runs a task's test command on the test files it chose. The environment's command template is
 * filled with those files as {@code {test_files}} (never with the task's test patch: its tests are hidden from the
 * solver). Three cases:
 * <ul>
 *   <li>the template has {@code {test_files}}: every run names its files; a run with no file does not run the
 *       command at all (an empty {@code {test_files}} would run the whole suite);</li>
 *   <li>it has none: the command is run as the spec wrote it (for the samples, {@code pytest tests} or
 *       {@code sh run-tests.sh}; what grading runs too), bounded by the run's timeout and the task's verification
 *       budget, and only the chosen files' results are read;</li>
 *   <li>it names the tests the task is graded by ({@code {fail_to_pass}}, {@code {test_names}}, ...): verification
 *       cannot run it without those hidden tests, so no result-based test is run ({@link #unusable()}).</li>
 * </ul>
 */
public final class TestCommand {

    private final Task task;
    private final String template;
    private final boolean takesFiles;
    private final String unusable;

    private TestCommand(Task task) {
        this.task = task;
        this.template = task.environment().testCommandTemplate();
        List<String> names = CommandTemplate.placeholders(template);
        this.takesFiles = names.contains("test_files");
        this.unusable = names.stream().filter(CommandTemplate.GRADED_TESTS::contains).findFirst()
                .map(n -> "the test command \"" + template + "\" names the tests the task is graded by ({" + n
                        + "}), which verification cannot run")
                .orElse(null);
    }

    /** The test command of {@code task}'s environment. */
    public static TestCommand of(Task task) {
        return new TestCommand(task);
    }

    /** The command's template takes {@code {test_files}}. */
    public boolean takesFiles() {
        return takesFiles;
    }

    /** Why verification cannot run the command at all; empty when it can. */
    public Optional<String> unusable() {
        return Optional.ofNullable(unusable);
    }

    /** The template, for notes. */
    public String template() {
        return template;
    }

    /**
     * The command that runs {@code files}.
     *
     * @throws IllegalArgumentException when {@code files} is empty while the template takes files, or the command
     *                                  is {@link #unusable()}
     */
    public String forFiles(List<String> files) {
        if (unusable != null) {
            throw new IllegalArgumentException(task.instanceId() + ": " + unusable);
        }
        if (!takesFiles) {
            return task.environment().testCommand();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(task.instanceId() + ": no test file to run with \"" + template
                    + "\": an empty {test_files} would run the whole suite");
        }
        return CommandTemplate.expand(template, task, files);
    }
}

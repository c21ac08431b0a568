package dev.fixpoint.agent;

import dev.fixpoint.tasks.env.EnvironmentSpec;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.env.CommandTemplate;

import java.util.Map;
import java.util.Optional;

/**
 * The test command as a model is shown it: never with an empty placeholder, never with the task's own (hidden) test
 * files. A spec command with {@code {test_files}} or a test-name placeholder shows a {@code <test files>} or
 * {@code <test names>} slot and an example from the repository (the test file nearest the issue); one without runs
 * a fixed set and is shown as it is.
 */
final class TestCommandHint {

    static final String FILES_SLOT = "<test files>";
    static final String NAMES_SLOT = "<test names>";

    private TestCommandHint() {}

    static String render(Task task, RepoFacts facts) {
        EnvironmentSpec env = task.environment();
        if (env == null) return "the project's own test runner (no test command is configured for this task)";
        String template = env.testCommandTemplate();
        if (!CommandTemplate.unknownPlaceholders(template).isEmpty()) {
            throw new AgentException(task.instanceId() + ": the test command \"" + template + "\" has unknown placeholder(s) "
                    + CommandTemplate.unknownPlaceholders(template) + "; known: " + CommandTemplate.NAMES.stream().sorted().toList());
        }
        boolean files = CommandTemplate.uses(template, "test_files");
        boolean names = CommandTemplate.uses(template, "test_names") || CommandTemplate.uses(template, "fail_to_pass")
                || CommandTemplate.uses(template, "pass_to_pass");
        if (!files && !names) return "`" + env.testCommand() + "`";
        String shown;
        try {
            shown = CommandTemplate.withSlots(template, task, Map.of("test_files", FILES_SLOT, "test_names", NAMES_SLOT,
                    "fail_to_pass", NAMES_SLOT, "pass_to_pass", NAMES_SLOT));
        } catch (IllegalArgumentException e) {
            throw new AgentException(task.instanceId() + ": cannot show the test command \"" + template + "\": " + e.getMessage(), e);
        }
        Optional<String> example = facts.exampleTest();
        String slot = files ? FILES_SLOT : NAMES_SLOT;
        String what = files ? "the test files to run" : "the tests to run";
        String eg = example.map(p -> " (for example " + (files ? p : testName(p)) + ")")
                .orElse(" (the repository has no test files by the usual names yet)");
        return "`" + shown + "`, with " + slot + " replaced by " + what + eg;
    }

    /** A test file as a test name: a Java class's qualified name, a Python file as pytest takes it. */
    static String testName(String path) {
        if (!path.endsWith(".java")) return path;
        String p = path.substring(0, path.length() - ".java".length());
        int root = p.indexOf("src/test/java/");
        return (root >= 0 ? p.substring(root + "src/test/java/".length()) : p.substring(p.lastIndexOf('/') + 1)).replace('/', '.');
    }
}

package dev.fixpoint.tasks.env;

import dev.fixpoint.tasks.git.Patch;
import dev.fixpoint.tasks.Task;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Placeholders in test commands and image names, filled in per task:
 * <ul>
 *   <li>{@code {test_files}}: the files the test patch adds or changes (not deletes);</li>
 *   <li>{@code {test_modules}}: the build modules (Maven, Gradle) holding those files, as directories relative to the
 *       root: the part of each path before {@code src/test/} ({@code gson/src/test/java/A.java} -> {@code gson});
 *       files of the root module and files outside any {@code src/test/} add nothing, so a single-module project
 *       gives an empty list (e.g. {@code mods={test_modules:,}; mvn ${mods:+-pl "$mods" -am} test});</li>
 *   <li>{@code {test_directives}}: SWE-bench's test directives, what its eval script appends to the test command:
 *       the test files less data files ({@code .json}, {@code .png}, {@code .txt}, {@code .md}, {@code .yml}, ...),
 *       and for {@code django/django} as the runner's labels ({@code tests/a/test_b.py} -> {@code a.test_b});</li>
 *   <li>{@code {test_names}}: FAIL_TO_PASS then PASS_TO_PASS; {@code {fail_to_pass}}, {@code {pass_to_pass}};</li>
 *   <li>{@code {instance_id}}, {@code {repo}}, {@code {version}};</li>
 *   <li>{@code {swebench_id}}: SWE-bench's image key, the instance id in lower case with {@code __} as
 *       {@code _1776_} (e.g. {@code swebench/sweb.eval.x86_64.{swebench_id}:latest}).</li>
 * </ul>
 * Lists are shell-quoted words joined by spaces; {@code {name:SEP}} joins them with SEP instead and quotes the
 * result as one word (e.g. {@code -Dtest={fail_to_pass:,}}). Shell's own {@code ${VAR}} is left alone, as is any
 * brace group that is not a lower-case name; an unknown lower-case name is an error (a typo, most likely).
 */
public final class CommandTemplate {

    /** The placeholder names. */
    public static final Set<String> NAMES = Set.of("test_files", "test_modules", "test_names", "fail_to_pass", "pass_to_pass",
            "instance_id", "repo", "version", "swebench_id", "test_directives");
    /** The placeholders that name the tests a task is graded by: only grading may fill them. */
    public static final Set<String> GRADED_TESTS = Set.of("test_names", "fail_to_pass", "pass_to_pass");
    private static final Pattern PLACEHOLDER = Pattern.compile("(?<!\\$)\\{([a-z_]+)(?::([^}]*))?}");
    private static final Pattern SAFE_WORD = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");
    /** Endings of the files SWE-bench leaves out of its test directives (its NON_TEST_EXTS). */
    private static final List<String> DATA_FILES = List.of(".json", ".png", "csv", ".txt", ".md", ".jpg", ".jpeg",
            ".pkl", ".yml", ".yaml", ".toml");

    private CommandTemplate() {}

    /** Placeholder names in {@code template} that are not {@link #NAMES}, in order of appearance. */
    public static List<String> unknownPlaceholders(String template) {
        List<String> unknown = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template == null ? "" : template);
        while (m.find()) {
            if (!NAMES.contains(m.group(1))) {
                unknown.add("{" + m.group(1) + "}");
            }
        }
        return unknown;
    }

    /** The placeholder names {@code template} uses, known or not, in order of first appearance. */
    public static List<String> placeholders(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template == null ? "" : template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return List.copyOf(names);
    }

    /**
     * Fills the placeholders of {@code template} for {@code task}.
     *
     * @throws IllegalArgumentException for an unknown placeholder, or a test patch that does not parse when
     *                                  {@code {test_files}} is used
     */
    public static String expand(String template, Task task) {
        return expand(template, task, null);
    }

    /**
     * Fills the placeholders of {@code template} for {@code task}, with {@code testFiles} as {@code {test_files}}
     * instead of the files of the task's test patch (how verification runs the tests it chose).
     *
     * @param testFiles repository-relative paths; null to take the test patch's files
     * @throws IllegalArgumentException for an unknown placeholder, or, with {@code testFiles}, a placeholder of
     *                                  {@link #GRADED_TESTS} (the tests a task is graded by are not for verification)
     */
    public static String expand(String template, Task task, List<String> testFiles) {
        if (testFiles != null) {
            List<String> graded = placeholders(template).stream().filter(GRADED_TESTS::contains).toList();
            if (!graded.isEmpty()) {
                throw new IllegalArgumentException("the test command \"" + template + "\" names the tests the task is"
                        + " graded by ({" + graded.get(0) + "}); only grading fills that");
            }
        }
        List<String> unknown = unknownPlaceholders(template);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown placeholder " + unknown.get(0) + " in \"" + template
                    + "\" (known: " + NAMES.stream().sorted().map(n -> "{" + n + "}").collect(Collectors.joining(", "))
                    + ")");
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = testFiles == null ? value(m.group(1), m.group(2), task)
                    : m.group(1).equals("test_files") ? join(testFiles, m.group(2))
                    : m.group(1).equals("test_directives") ? join(directives(testFiles, task.repo()), m.group(2))
                    : value(m.group(1), m.group(2), task);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Fills the placeholders of {@code template} for {@code task}, except those named in {@code slots}, which become
     * their slot text verbatim (not quoted): e.g. {@code {test_files}} as {@code <test files>}, for showing the
     * command to a person or a model before the files to run are known. {@code {name:SEP}} forms take the slot too.
     *
     * @throws IllegalArgumentException as {@link #expand} does
     */
    public static String withSlots(String template, Task task, Map<String, String> slots) {
        List<String> unknown = unknownPlaceholders(template);
        if (!unknown.isEmpty()) {
            expand(template, task); // throws, naming the placeholder
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String slot = slots.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(slot != null ? slot : value(m.group(1), m.group(2), task)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether {@code template} uses placeholder {@code name} (plain or with a separator). */
    public static boolean uses(String template, String name) {
        Matcher m = PLACEHOLDER.matcher(template == null ? "" : template);
        while (m.find()) {
            if (m.group(1).equals(name)) return true;
        }
        return false;
    }

    private static String value(String name, String separator, Task task) {
        return switch (name) {
            case "test_files" -> join(testFiles(task), separator);
            case "test_modules" -> join(testModules(task), separator);
            case "test_directives" -> join(directives(testFiles(task), task.repo()), separator);
            case "test_names" -> {
                List<String> all = new ArrayList<>(task.failToPass());
                all.addAll(task.passToPass());
                yield join(all, separator);
            }
            case "fail_to_pass" -> join(task.failToPass(), separator);
            case "pass_to_pass" -> join(task.passToPass(), separator);
            case "instance_id" -> task.instanceId();
            case "repo" -> task.repo();
            case "version" -> task.version();
            case "swebench_id" -> task.instanceId().toLowerCase(Locale.ROOT).replace("__", "_1776_");
            default -> throw new IllegalStateException("placeholder " + name);
        };
    }

    /** The files the task's test patch adds or changes, in patch order. */
    public static List<String> testFiles(Task task) {
        Patch patch;
        try {
            patch = Patch.parse(task.testPatch());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("{test_files}: the test patch of " + task.instanceId()
                    + " does not parse: " + e.getMessage(), e);
        }
        Set<String> files = new LinkedHashSet<>();
        for (Patch.FileChange f : patch.files()) {
            if (f.type() != Patch.ChangeType.DELETE && f.newPath() != null) {
                files.add(f.newPath());
            }
        }
        return List.copyOf(files);
    }

    /**
     * SWE-bench's test directives of {@code files} for {@code repo}: data files left out, Django's test files as the
     * runner's module labels; see {@code {test_directives}} above.
     */
    public static List<String> directives(List<String> files, String repo) {
        boolean django = "django/django".equalsIgnoreCase(repo);
        List<String> out = new ArrayList<>();
        for (String f : files) {
            if (DATA_FILES.stream().anyMatch(f::endsWith)) continue;
            if (!django) {
                out.add(f);
                continue;
            }
            String label = f.endsWith(".py") ? f.substring(0, f.length() - 3) : f;
            label = label.startsWith("tests/") ? label.substring("tests/".length()) : label;
            out.add(label.replace('/', '.'));
        }
        return List.copyOf(out);
    }

    /** The module directories of the task's test files; see {@code {test_modules}} above. */
    public static List<String> testModules(Task task) {
        Set<String> modules = new LinkedHashSet<>();
        for (String file : testFiles(task)) {
            int at = file.indexOf("/src/test/");
            if (at > 0) {
                modules.add(file.substring(0, at));
            }
        }
        return List.copyOf(modules);
    }

    private static String join(List<String> items, String separator) {
        if (separator == null) {
            return items.stream().map(CommandTemplate::quote).collect(Collectors.joining(" "));
        }
        return items.isEmpty() ? "" : quote(String.join(separator, items));
    }

    /** Quotes a word for sh unless it is made only of characters sh takes literally. */
    static String quote(String word) {
        if (SAFE_WORD.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}

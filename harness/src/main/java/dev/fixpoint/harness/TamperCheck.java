package dev.fixpoint.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the changes of a prediction to the machinery that decides its grade rather than to the code under test: a
 * {@code conftest.py} anywhere (pytest loads it before any test: a hook there can pass every test), {@code pytest.ini},
 * the pytest or tox sections of {@code setup.cfg}, {@code tox.ini} and {@code pyproject.toml}, the test-runner
 * configuration of {@code pom.xml} (surefire, failsafe, skip and include settings) and of Gradle build files (the
 * {@code test} task, JUnit settings), and the files the task's own test patch changes. SWE-bench grades such patches
 * like any other; so do we, and flag them ({@link ReportBuilder}), or, when asked to be strict, grade them
 * unresolved.
 *
 * <p>Configuration files count only when a changed line, or the section or block it sits in as far as the hunk
 * shows, is about tests. Pure: reads the patch texts only.
 */
public final class TamperCheck {

    /**
     * One change to test infrastructure.
     *
     * @param file   repository-relative path
     * @param reason what it is, in a few words
     */
    public record Finding(String file, String reason) {}

    private static final Pattern INI_TEST = Pattern.compile("(?i)pytest|testenv|addopts|testpaths|python_(files|classes|functions)");
    private static final Pattern TOML_TEST = Pattern.compile("(?i)tool\\.pytest|addopts|testpaths|python_(files|classes|functions)");
    private static final Pattern POM_TEST = Pattern.compile("(?i)surefire|failsafe|skipTests|skipITs|testFailureIgnore|maven\\.test|<test(Source|Include|Exclude)|<includes>|<excludes>|<include>|<exclude>|junit");
    private static final Pattern GRADLE_TEST = Pattern.compile("(?i)\\btest\\b|tasks\\.test|withType\\s*[(<]\\s*Test|junit|ignoreFailures|testLogging|filter\\s*\\{|includeTestsMatching|excludeTestsMatching");

    private TamperCheck() {}

    /**
     * What {@code modelPatch} changes of the test infrastructure, in patch order; empty when nothing.
     *
     * @param testPatch the task's test patch; the files it changes count as the task's tests
     */
    public static List<Finding> findings(String modelPatch, String testPatch) {
        if (modelPatch == null || modelPatch.isBlank()) return List.of();
        Set<String> taskTests = PatchFiles.touched(testPatch == null ? "" : testPatch);
        Map<String, Finding> out = new LinkedHashMap<>();
        for (String section : fileSections(modelPatch)) {
            List<String> lines = section.lines().toList();
            for (String path : PatchFiles.touched(section)) {
                String reason = reason(path, lines, taskTests);
                if (reason != null) out.putIfAbsent(path, new Finding(path, reason));
            }
        }
        return List.copyOf(out.values());
    }

    private static String reason(String path, List<String> lines, Set<String> taskTests) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.equals("conftest.py")) return "conftest.py: pytest runs it before the tests (hooks, fixtures)";
        if (name.equals("pytest.ini")) return "pytest configuration";
        if ((name.equals("setup.cfg") || name.equals("tox.ini")) && touchesSection(lines, INI_TEST, false)) {
            return "pytest or tox section of " + name;
        }
        if (name.equals("pyproject.toml") && touchesSection(lines, TOML_TEST, false)) return "[tool.pytest] section of pyproject.toml";
        if (name.equals("pom.xml") && touchesSection(lines, POM_TEST, true)) return "test runner configuration (surefire, failsafe, skips) in pom.xml";
        if ((name.equals("build.gradle") || name.equals("build.gradle.kts")) && touchesSection(lines, GRADLE_TEST, true)) {
            return "test task configuration in " + name;
        }
        if (taskTests.contains(path)) return "a test file the task's test patch changes";
        return null;
    }

    /**
     * Whether a changed line of one file's diff is about tests: it matches itself, or the nearest section header
     * ({@code [...]}) or the hunk header's context above it does, or, with {@code blocks} (markup, build scripts),
     * any line of its hunk does (the hunk shows the block the change sits in).
     */
    private static boolean touchesSection(List<String> lines, Pattern about, boolean blocks) {
        String context = "";
        boolean hunkAbout = false;
        List<String> changed = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("@@")) {
                if (hunkAbout && !changed.isEmpty()) return true;
                context = line;
                hunkAbout = blocks && about.matcher(line).find();
                changed.clear();
                continue;
            }
            if (line.startsWith("+++ ") || line.startsWith("--- ") || line.isEmpty()) continue;
            char kind = line.charAt(0);
            if (kind != '+' && kind != '-' && kind != ' ') continue;
            String content = line.substring(1).strip();
            if (content.startsWith("[")) context = content;
            if (kind == ' ') {
                hunkAbout |= blocks && about.matcher(content).find();
                continue;
            }
            if (about.matcher(content).find() || about.matcher(context).find()) return true;
            changed.add(content);
        }
        return hunkAbout && !changed.isEmpty();
    }

    /** The patch cut into one piece per file ({@code diff --git} headers); a patch without them is one piece. */
    private static List<String> fileSections(String patch) {
        List<String> sections = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : patch.split("\r?\n", -1)) {
            if (line.startsWith("diff --git ") && !current.isEmpty()) {
                sections.add(current.toString());
                current.setLength(0);
            }
            current.append(line).append('\n');
        }
        if (!current.toString().isBlank()) sections.add(current.toString());
        return sections;
    }
}

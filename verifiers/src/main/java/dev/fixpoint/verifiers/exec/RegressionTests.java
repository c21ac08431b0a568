package dev.fixpoint.verifiers.exec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Chooses regression tests: the repository's tests that pass on the base code and relate to the changed files,
 * by name ({@code test_ranges.py} or {@code RangesTest} for {@code ranges.py} / {@code Ranges.java}) or by
 * import (the test file imports the changed module or class). When no passing test relates, every passing test
 * is taken: breaking any of them is still evidence.
 */
public final class RegressionTests {

    private RegressionTests() {
    }

    /**
     * @param baseRun      a run of the test command on the base code
     * @param changedFiles repository-relative paths the candidates change
     */
    public static List<VerificationTest> select(Path baseTree, RunResult baseRun, Collection<String> changedFiles) {
        List<String> testFiles = TestFiles.list(baseTree);
        Set<String> related = new TreeSet<>();
        for (String test : testFiles) {
            String content = TestFiles.read(baseTree, test);
            if (changedFiles.stream().anyMatch(changed -> relates(test, content, changed))) {
                related.add(stripExtension(test));
            }
        }
        List<String> chosen = new ArrayList<>();
        for (String name : baseRun.passed()) {
            String file = TestFiles.fileOfResult(name);
            if (related.stream().anyMatch(r -> r.equals(stripExtension(file)) || r.endsWith("/" + file))) {
                chosen.add(name);
            }
        }
        List<String> names = chosen.isEmpty() ? baseRun.passed() : chosen;
        return names.stream().map(n -> VerificationTest.results("regr:" + sanitize(n), VerificationTest.Kind.REGRESSION,
                "repository", Map.of(), n)).toList();
    }

    static boolean relates(String testPath, String testContent, String changedPath) {
        String changedStem = stem(changedPath).toLowerCase(Locale.ROOT);
        String testStem = stem(testPath).toLowerCase(Locale.ROOT);
        if (changedStem.isEmpty() || changedStem.equals("__init__")) {
            return false;
        }
        if (testStem.equals("test_" + changedStem) || testStem.equals(changedStem + "_test")
                || testStem.equals(changedStem + "test") || testStem.equals(changedStem + "tests")) {
            return true;
        }
        String module = stripExtension(changedPath).replace('/', '.');
        if (changedPath.endsWith(".py")) {
            String parent = module.contains(".") ? module.substring(0, module.lastIndexOf('.')) : "";
            return testContent.contains("import " + module) || testContent.contains("from " + module + " import")
                    || !parent.isEmpty() && testContent.contains("from " + parent + " import " + stem(changedPath));
        }
        if (changedPath.endsWith(".java")) {
            int root = module.indexOf(".java.");
            String fqn = root >= 0 ? module.substring(root + ".java.".length()) : module;
            String pkg = fqn.contains(".") ? fqn.substring(0, fqn.lastIndexOf('.')) : "";
            return testContent.contains("import " + fqn + ";")
                    || testContent.contains("package " + pkg + ";") && testContent.matches("(?s).*\\b" + stem(changedPath) + "\\b.*");
        }
        return false;
    }

    private static String stem(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String stripExtension(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash ? path.substring(0, dot) : path;
    }

    private static String sanitize(String name) {
        return name.replaceAll("[^A-Za-z0-9._:/#\\[\\]+=-]", "_");
    }
}

package dev.fixpoint.verifiers.exec;

import dev.fixpoint.verifiers.VerifierException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Chooses the regression tests of a change from the base tree, before anything runs: the repository's test files
 * that relate to the changed source files, ranked and capped; then, once they ran on the base code, the results of
 * those files that passed there. A test file relates to a changed module
 * <ul>
 *   <li>by name: {@code test_str.py}, {@code str_test.py} for {@code str.py}; {@code FooTest}, {@code FooTests} for
 *       {@code Foo.java}, in the module's package directory or a tests tree mirroring it (weight 8; the same name in
 *       an unrelated directory weighs 1: {@code test_util.py} is a common name);</li>
 *   <li>by import: the test imports the module ({@code import a.b.c}, {@code from a.b.c import},
 *       {@code from a.b import c}) or the class ({@code import p.Foo;}, or uses {@code Foo} in package {@code p})
 *       (weight 4);</li>
 *   <li>by package directory: the {@code tests/} (or {@code test/}, {@code testing/}) directory next to the module,
 *       e.g. {@code sympy/printing/tests/} for {@code sympy/printing/str.py}; for Java the same package under the
 *       test sources (weight 2); for Python also the parent package's tests directory (weight 1), where a test
 *       named after the module's package weighs 4 more ({@code sympy/parsing/tests/test_latex.py} for
 *       {@code sympy/parsing/latex/_parse_latex_antlr.py}).</li>
 * </ul>
 * Weights add up over reasons and changed files; ties go to the smaller file (cheaper to run), then the path. Only
 * {@code .py} and {@code .java} source files that are not tests themselves count as changed modules. When nothing
 * relates, nothing is chosen: there is no fallback to the whole suite.
 */
public final class RegressionTests {

    /** Test files chosen at most, unless configured otherwise. */
    public static final int DEFAULT_MAX_FILES = 8;

    private static final Set<String> TEST_DIRS = Set.of("tests", "test", "testing");
    private static final Set<String> SOURCE_ROOTS = Set.of("src", "lib");

    private RegressionTests() {
    }

    /**
     * The test files of {@code tree} that relate to {@code changedFiles}, best first, at most {@code maxFiles}.
     *
     * @param changedFiles repository-relative paths the candidates change
     */
    public static List<ChosenTestFile> choose(Path tree, Collection<String> changedFiles, int maxFiles) {
        if (maxFiles < 1) {
            throw new IllegalArgumentException("regression test files must be at least 1, not: " + maxFiles);
        }
        List<Module> modules = new TreeSet<>(changedFiles).stream().filter(RegressionTests::isModule).map(Module::of)
                .toList();
        if (modules.isEmpty()) {
            return List.of();
        }
        List<Scored> scored = new ArrayList<>();
        for (String test : TestFiles.list(tree)) {
            String content = null;
            Map<String, Integer> reasons = new LinkedHashMap<>();
            for (Module m : modules) {
                if (!m.java == test.endsWith(".java")) {
                    continue;
                }
                if (content == null) {
                    content = TestFiles.read(tree, test);
                }
                m.reasons(test, content, reasons);
            }
            if (!reasons.isEmpty()) {
                int score = reasons.values().stream().mapToInt(Integer::intValue).sum();
                List<String> why = reasons.entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
                scored.add(new Scored(test, score, size(tree, test), why));
            }
        }
        return scored.stream()
                .sorted(Comparator.comparingInt(Scored::score).reversed().thenComparingLong(Scored::size)
                        .thenComparing(Scored::file))
                .limit(maxFiles).map(s -> new ChosenTestFile(s.file(), s.reasons())).toList();
    }

    /**
     * The regression tests: every result of a chosen file that passed on the base code, one test per result, read
     * from the test command run on that file.
     *
     * @param passedOnBase result names that passed on the base code (pytest node ids, {@code pkg.Class#method})
     */
    public static List<VerificationTest> fromBase(List<ChosenTestFile> chosen, Collection<String> passedOnBase) {
        List<VerificationTest> tests = new ArrayList<>();
        for (String name : new TreeSet<>(passedOnBase)) {
            String file = TestFiles.fileOfResult(name);
            chosen.stream().map(ChosenTestFile::file)
                    .filter(f -> f.equals(file) || stripExtension(f).equals(file) || stripExtension(f).endsWith("/" + file))
                    .findFirst()
                    .ifPresent(f -> tests.add(VerificationTest.results("regr:" + sanitize(name),
                            VerificationTest.Kind.REGRESSION, "repository", Map.of(), name, f)));
        }
        return tests;
    }

    /** Whether a changed file is a module whose tests can be looked for: Python or Java source, not a test. */
    static boolean isModule(String path) {
        return (path.endsWith(".py") || path.endsWith(".java")) && !TestFiles.isTestFile(path)
                && !path.endsWith("/conftest.py") && !path.equals("conftest.py");
    }

    /** A changed source file, with what its tests would name or import. */
    private record Module(String path, boolean java, String stem, String dir, String normalDir, List<String> names,
                          Pattern importPattern) {

        static Module of(String path) {
            boolean java = path.endsWith(".java");
            String stem = RegressionTests.stem(path);
            String dir = parent(path);
            if (java) {
                String pkgDir = javaPackageDir(path);
                String fqn = (pkgDir.isEmpty() ? "" : pkgDir.replace('/', '.') + ".") + stem;
                String pkg = pkgDir.replace('/', '.');
                Pattern imports = Pattern.compile("(?m)^\\s*import\\s+(static\\s+)?" + Pattern.quote(fqn) + "\\s*[;.]");
                return new Module(path, true, stem, dir, pkgDir, List.of(fqn), imports);
            }
            boolean init = stem.equals("__init__");
            List<String> names = new ArrayList<>();
            List<String> parts = new ArrayList<>(List.of(stripExtension(path).split("/")));
            if (init) {
                parts.remove(parts.size() - 1);
            }
            if (!parts.isEmpty()) {
                if (parts.size() > 1 && SOURCE_ROOTS.contains(parts.get(0))) {
                    names.add(String.join(".", parts.subList(1, parts.size()))); // src/pkg/m.py imports as pkg.m
                }
                names.add(String.join(".", parts));
            }
            List<String> alternatives = new ArrayList<>();
            for (String module : names) {
                String q = Pattern.quote(module);
                alternatives.add("^\\s*import\\s+([\\w.]+\\s*,\\s*)*" + q + "(\\s|,|$)");
                alternatives.add("^\\s*from\\s+" + q + "\\s+import\\b");
                int dot = module.lastIndexOf('.');
                if (dot > 0 && !init) {
                    String from = "^\\s*from\\s+" + Pattern.quote(module.substring(0, dot)) + "\\s+import\\s+";
                    String last = Pattern.quote(module.substring(dot + 1));
                    alternatives.add(from + "[^(\\n]*\\b" + last + "\\b");
                    alternatives.add(from + "\\([^)]*\\b" + last + "\\b[^)]*\\)");
                }
            }
            Pattern imports = alternatives.isEmpty() ? null
                    : Pattern.compile("(?m)" + String.join("|", alternatives));
            return new Module(path, false, init ? "" : stem, dir, normalize(dir), names, imports);
        }

        /** Adds this module's reasons for {@code test} (reason -> weight). */
        void reasons(String test, String content, Map<String, Integer> reasons) {
            String testStem = RegressionTests.stem(test);
            String testDir = parent(test);
            if (!stem.isEmpty() && namedAfter(testStem)) {
                boolean near = java ? javaPackageDir(test).equals(normalDir) : nearby(normalize(testDir), normalDir);
                if (near) {
                    reasons.merge("named after " + path, 8, Integer::sum);
                } else {
                    reasons.merge("named like " + path + " (another directory)", 1, Integer::sum);
                }
            }
            if (importPattern != null && importPattern.matcher(content).find() || java && usesInPackage(content)) {
                reasons.merge(java ? "uses " + names.get(0) : "imports " + names.get(0), 4, Integer::sum);
            }
            boolean samePackage = java ? javaPackageDir(test).equals(normalDir) && !normalDir.isEmpty()
                    : testDir.equals(dir) || TEST_DIRS.contains(last(testDir)) && parent(testDir).equals(dir);
            if (samePackage) {
                reasons.merge((java ? "same package as " : "same package directory as ") + path, 2, Integer::sum);
            } else if (!java && !dir.isEmpty() && TEST_DIRS.contains(last(testDir))
                    && parent(testDir).equals(parent(dir))) {
                // sympy/parsing/tests/ for sympy/parsing/latex/_parse_latex_antlr.py (whose package has no tests/)
                String pkg = last(dir);
                if (testStem.equalsIgnoreCase("test_" + pkg) || testStem.equalsIgnoreCase(pkg + "_test")) {
                    reasons.merge("named after package " + dir, 4, Integer::sum);
                }
                reasons.merge("tests of the parent package of " + path, 1, Integer::sum);
            }
        }

        /** A Java test in the module's package, or importing all of it, that names the class. */
        private boolean usesInPackage(String content) {
            if (normalDir.isEmpty()) {
                return false;
            }
            String pkg = Pattern.quote(normalDir.replace('/', '.'));
            return Pattern.compile("(?m)^\\s*(package\\s+" + pkg + "|import\\s+" + pkg + "\\.\\*)\\s*;").matcher(content).find()
                    && Pattern.compile("\\b" + Pattern.quote(stem) + "\\b").matcher(content).find();
        }

        private boolean namedAfter(String testStem) {
            String t = testStem.toLowerCase(Locale.ROOT);
            String s = stem.toLowerCase(Locale.ROOT);
            return java ? t.equals(s + "test") || t.equals(s + "tests") || t.equals("test" + s)
                    : t.equals("test_" + s) || t.equals(s + "_test") || t.equals(s + "_tests");
        }
    }

    private record Scored(String file, int score, long size, List<String> reasons) {
    }

    /** Two normalised directories are near when one ends with the other (whole components), e.g. {@code a/b}, {@code b}. */
    private static boolean nearby(String a, String b) {
        return a.equals(b) || a.isEmpty() || b.isEmpty() || a.endsWith("/" + b) || b.endsWith("/" + a);
    }

    /** A Python directory without its test and source-root components: {@code src/pkg/tests/sub} -> {@code pkg/sub}. */
    private static String normalize(String dir) {
        List<String> kept = new ArrayList<>();
        for (String part : dir.split("/")) {
            if (!part.isEmpty() && !TEST_DIRS.contains(part) && !SOURCE_ROOTS.contains(part)) {
                kept.add(part);
            }
        }
        return String.join("/", kept);
    }

    /** The package directory of a Java file: its directory below {@code .../java/}, e.g. {@code com/x}. */
    private static String javaPackageDir(String path) {
        String dir = parent(path);
        int root = ("/" + dir + "/").lastIndexOf("/java/");
        if (root < 0) {
            return dir;
        }
        String below = ("/" + dir + "/").substring(root + "/java/".length());
        return below.endsWith("/") ? below.substring(0, below.length() - 1) : below;
    }

    private static long size(Path tree, String file) {
        try {
            return Files.size(tree.resolve(file));
        } catch (java.io.IOException e) {
            throw new VerifierException("cannot read the size of " + file + " under " + tree + ": " + e.getMessage(), e);
        }
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String last(String dir) {
        return dir.substring(dir.lastIndexOf('/') + 1);
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

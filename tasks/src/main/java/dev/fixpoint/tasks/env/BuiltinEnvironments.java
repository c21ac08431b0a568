package dev.fixpoint.tasks.env;

import dev.fixpoint.tasks.ResultFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Environments that work without a spec for the common cases, told from the tree at the base commit:
 * <ul>
 *   <li>Maven ({@code pom.xml}): {@code fixpoint/java}, dependencies fetched at build time
 *       ({@code mvn dependency:go-offline}, then one test run so the test plugins and providers are fetched
 *       too), tests with {@code mvn -o test}, Surefire XML in {@code target/surefire-reports};</li>
 *   <li>Gradle with a wrapper ({@code build.gradle[.kts]} and {@code gradlew}): {@code fixpoint/java}, the wrapper
 *       and dependencies fetched at build time, tests with {@code ./gradlew --offline test}, JUnit XML in
 *       {@code build/test-results/test}. Without a wrapper there is no default (Debian's Gradle is 4.4, too old
 *       for most builds): such repositories need a spec;</li>
 *   <li>Python with pytest ({@code setup.py}, {@code pyproject.toml}, {@code setup.cfg} or
 *       {@code requirements.txt}, plus a tests directory, {@code conftest.py}, {@code pytest.ini},
 *       {@code tox.ini} or {@code test_*.py}; or a {@code pytest.ini} or {@code conftest.py} alone):
 *       {@code fixpoint/python}, {@code pip install -r requirements.txt}
 *       and {@code pip install -e .} (when the project is installable) at build time, tests with
 *       {@code pytest -rA} on the files the test patch touches.</li>
 * </ul>
 */
public final class BuiltinEnvironments {

    static final String PYTHON_IMAGE = "fixpoint/python:latest";
    static final String JAVA_IMAGE = "fixpoint/java:latest";
    private static final Duration TEST_TIMEOUT = Duration.ofMinutes(30);

    private BuiltinEnvironments() {}

    /** What detection found: an entry and what it was told from, or why nothing fits. */
    public record Detection(Optional<EnvironmentEntry> entry, String description) {
        static Detection of(EnvironmentEntry entry, String description) {
            return new Detection(Optional.of(entry), description);
        }

        static Detection none(String why) {
            return new Detection(Optional.empty(), why);
        }
    }

    /** The built-in environment for a tree, or why there is none. */
    public static Detection detect(RepoTree tree) {
        if (tree.isFile("pom.xml")) {
            return Detection.of(maven(), "built-in Maven default (pom.xml)");
        }
        boolean gradle = tree.isFile("build.gradle") || tree.isFile("build.gradle.kts");
        if (gradle && tree.isFile("gradlew")) {
            return Detection.of(gradle(), "built-in Gradle default (build.gradle and gradlew)");
        }
        if (gradle) {
            return Detection.none("a Gradle build without a wrapper (gradlew): there is no Gradle on the Fixpoint"
                    + " images and Debian's is 4.4, too old for most builds; write a spec with a base image and"
                    + " install commands that provide a suitable Gradle");
        }
        Optional<Detection> python = python(tree);
        if (python.isPresent()) {
            return python.get();
        }
        List<String> names = tree.list("");
        return Detection.none("not a Maven, Gradle or pytest project at the base commit (top level: "
                + (names.isEmpty() ? "empty" : String.join(", ", names.subList(0, Math.min(12, names.size()))))
                + (names.size() > 12 ? ", ..." : "") + ")");
    }

    private static EnvironmentEntry maven() {
        return new EnvironmentEntry(null, JAVA_IMAGE, null, null,
                List.of("mvn -B -q dependency:go-offline",
                        "mvn -B -Dmaven.test.failure.ignore=true test",
                        "find . -name target -type d -prune -exec rm -rf {} +"),
                null, "mvn -B -o -Dmaven.test.failure.ignore=true test", ResultFormat.JUNIT_XML,
                "target/surefire-reports", TEST_TIMEOUT, null, null);
    }

    private static EnvironmentEntry gradle() {
        return new EnvironmentEntry(null, JAVA_IMAGE, null, null,
                List.of("chmod +x gradlew && ./gradlew --no-daemon testClasses",
                        "./gradlew --no-daemon test --continue || true",
                        "./gradlew --no-daemon clean"),
                null, "./gradlew --offline --no-daemon test --continue", ResultFormat.JUNIT_XML,
                "build/test-results/test", TEST_TIMEOUT, null, null);
    }

    private static Optional<Detection> python(RepoTree tree) {
        boolean setupPy = tree.isFile("setup.py");
        boolean pyproject = tree.isFile("pyproject.toml");
        boolean requirements = tree.isFile("requirements.txt");
        boolean project = setupPy || pyproject || tree.isFile("setup.cfg") || requirements;
        boolean pytestConfig = tree.isFile("pytest.ini") || tree.isFile("conftest.py");
        boolean tests = tree.isDirectory("tests") || tree.isDirectory("test") || tree.isDirectory("testing")
                || pytestConfig || tree.isFile("tox.ini")
                || tree.list("").stream().anyMatch(n -> n.startsWith("test_") && n.endsWith(".py"));
        if (!tests || !project && !pytestConfig) {
            return Optional.empty();
        }
        boolean installable = setupPy || pyproject && tree.read("pyproject.toml")
                .map(t -> t.contains("[project]") || t.contains("[build-system]") || t.contains("[tool.poetry]"))
                .orElse(true);
        List<String> install = new ArrayList<>();
        List<String> from = new ArrayList<>();
        if (requirements) {
            install.add("pip install --break-system-packages -r requirements.txt");
            from.add("requirements.txt");
        }
        if (installable) {
            install.add("pip install --break-system-packages -e .");
            from.add(setupPy ? "setup.py" : "pyproject.toml");
        }
        EnvironmentEntry entry = new EnvironmentEntry(null, PYTHON_IMAGE, null, null, install, null,
                "python3 -m pytest -rA -p no:cacheprovider {test_files}", ResultFormat.PYTEST_LOG, null,
                TEST_TIMEOUT, null, install.isEmpty() ? null : Map.of("PIP_BREAK_SYSTEM_PACKAGES", "1"));
        return Optional.of(Detection.of(entry, "built-in pytest default"
                + (from.isEmpty() ? "" : " (" + String.join(", ", from) + ")")));
    }
}

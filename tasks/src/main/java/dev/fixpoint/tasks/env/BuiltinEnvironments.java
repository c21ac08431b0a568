package dev.fixpoint.tasks.env;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Environments that work without a spec for the common cases, told from the tree at the base commit:
 * <ul>
 *   <li>Maven ({@code pom.xml}), single- or multi-module: {@code fixpoint/java}; at build time one
 *       {@code mvn test} of the whole reactor (failures ignored) fetches every dependency, plugin and test provider
 *       (sibling modules come from the reactor, so no SNAPSHOT of one is ever downloaded, which
 *       {@code dependency:go-offline} tries), then the build outputs are removed; tests with {@code mvn -o test}
 *       limited to the modules holding the test patch's files ({@code -pl} from {@code {test_modules}} with
 *       {@code -am}); Surefire XML read from every module ({@code **}{@code /target/surefire-reports}). A root POM
 *       asking for a language level below 7 (which JDK 17's javac refuses) gets level 8 on the command line
 *       ({@code -Dmaven.compiler.source/target/release=8});</li>
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
    /** Lowest language level JDK 17's javac accepts. */
    static final int MIN_JAVA_LEVEL = 7;
    static final int RAISED_JAVA_LEVEL = 8;
    private static final String RAISE_LEVEL = " -Dmaven.compiler.source=" + RAISED_JAVA_LEVEL
            + " -Dmaven.compiler.target=" + RAISED_JAVA_LEVEL + " -Dmaven.compiler.release=" + RAISED_JAVA_LEVEL;
    /** Offline, only the modules of the test files and what they depend on (the whole project when none). */
    static final String MAVEN_TEST = "mods={test_modules:,}; mvn FLAGS -o -Dmaven.test.failure.ignore=true"
            + " ${mods:+-pl \"$mods\" -am} test";
    /** Surefire's reports of every module, the root's included. */
    static final String MAVEN_REPORTS = "**/target/surefire-reports";

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
            OptionalInt level = tree.read("pom.xml").map(PomLevels::lowest).orElse(OptionalInt.empty());
            boolean raise = level.isPresent() && level.getAsInt() < MIN_JAVA_LEVEL;
            return Detection.of(maven(raise), "built-in Maven default (pom.xml"
                    + (raise ? "; language level " + level.getAsInt() + " raised to " + RAISED_JAVA_LEVEL
                            + ", the POM's is below what JDK 17 compiles" : "") + ")");
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

    private static EnvironmentEntry maven(boolean raiseLevel) {
        String flags = "-B" + (raiseLevel ? RAISE_LEVEL : "");
        return new EnvironmentEntry(null, JAVA_IMAGE, null, null,
                List.of("mvn " + flags + " -Dmaven.test.failure.ignore=true test",
                        "find . -name target -type d -prune -exec rm -rf {} +"),
                null, MAVEN_TEST.replace("FLAGS", flags), ResultFormat.JUNIT_XML, MAVEN_REPORTS, TEST_TIMEOUT,
                null, null);
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

package dev.fixpoint.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TamperCheckTest {

    static final String FIX = """
            diff --git a/src/calc.py b/src/calc.py
            --- a/src/calc.py
            +++ b/src/calc.py
            @@ -1,2 +1,2 @@
             def add(a, b):
            -    return a - b
            +    return a + b
            """;
    static final String TEST_PATCH = """
            diff --git a/tests/test_calc.py b/tests/test_calc.py
            --- a/tests/test_calc.py
            +++ b/tests/test_calc.py
            @@ -1 +1,2 @@
             import calc
            +def test_add(): assert calc.add(2, 3) == 5
            """;

    static List<String> files(String patch) {
        return TamperCheck.findings(patch, TEST_PATCH).stream().map(TamperCheck.Finding::file).toList();
    }

    static String file(String path, String... hunk) {
        return "diff --git a/" + path + " b/" + path + "\n--- a/" + path + "\n+++ b/" + path + "\n@@ -1,3 +1,3 @@\n"
                + String.join("\n", hunk) + "\n";
    }

    @Test
    void aPlainFixIsClean() {
        assertEquals(List.of(), files(FIX));
        assertEquals(List.of(), files(""));
    }

    @Test
    void conftestAnywhereAndPytestIniAreFlagged() {
        String conftest = "diff --git a/tests/conftest.py b/tests/conftest.py\nnew file mode 100644\n--- /dev/null\n"
                + "+++ b/tests/conftest.py\n@@ -0,0 +1 @@\n+import pytest\n";
        assertEquals(List.of("tests/conftest.py"), files(FIX + conftest));
        assertEquals(List.of("pytest.ini"), files(file("pytest.ini", " [pytest]", "-addopts = -q", "+addopts = -q -p no:x")));
        assertEquals("conftest.py: pytest runs it before the tests (hooks, fixtures)",
                TamperCheck.findings(conftest, "").get(0).reason());
    }

    @Test
    void configFilesCountOnlyInTheirTestSections() {
        assertEquals(List.of("setup.cfg"), files(file("setup.cfg", " [tool:pytest]", "-testpaths = tests", "+testpaths = src")));
        assertEquals(List.of(), files(file("setup.cfg", " [metadata]", "-version = 1.0", "+version = 1.1")));
        assertEquals(List.of("tox.ini"), files(file("tox.ini", " [testenv]", "-commands = pytest", "+commands = true")));
        assertEquals(List.of("pyproject.toml"), files(file("pyproject.toml", " [tool.pytest.ini_options]",
                "-addopts = \"-q\"", "+addopts = \"-q --deselect tests/test_calc.py::test_add\"")));
        assertEquals(List.of(), files(file("pyproject.toml", " [project]", "-version = \"1\"", "+version = \"2\"")));
    }

    @Test
    void testRunnerSettingsOfMavenAndGradleAreFlagged() {
        assertEquals(List.of("pom.xml"), files(file("pom.xml", "   <artifactId>maven-surefire-plugin</artifactId>",
                "   <configuration>", "+    <testFailureIgnore>true</testFailureIgnore>")));
        assertEquals(List.of(), files(file("pom.xml", "   <groupId>com.acme</groupId>", "-  <version>1</version>",
                "+  <version>2</version>")));
        assertEquals(List.of("lib/build.gradle.kts"), files(file("lib/build.gradle.kts", " tasks.test {",
                "+    ignoreFailures = true", " }")));
    }

    @Test
    void theTasksOwnTestFilesAreFlagged() {
        String edit = file("tests/test_calc.py", " import calc", "+calc.add = lambda a, b: a + b");
        assertEquals(List.of("tests/test_calc.py"), files(FIX + edit));
        assertEquals("a test file the task's test patch changes", TamperCheck.findings(edit, TEST_PATCH).get(0).reason());
    }
}

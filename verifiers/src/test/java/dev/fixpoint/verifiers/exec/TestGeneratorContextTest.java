package dev.fixpoint.verifiers.exec;

import dev.fixpoint.tasks.env.EnvironmentSpec;
import dev.fixpoint.tasks.env.ResultFormat;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.layout.NearestTests;
import dev.fixpoint.tasks.layout.RepoFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test generator's context: test files nearest the issue's code, and a style example from the same package. */
class TestGeneratorContextTest {

    @TempDir Path tree;

    private void write(String path, String text) throws Exception {
        Path p = tree.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static Task task(String issue, ResultFormat format) {
        return Task.builder().instanceId("x__y-1").repo("x/y").baseCommit("abc").problemStatement(issue)
                .environment(new EnvironmentSpec("fixpoint/python:latest", "/testbed", List.of(), "pytest", format,
                        format == ResultFormat.JUNIT_XML ? "target/surefire-reports" : null, null, Map.of()))
                .build();
    }

    @Test
    void pythonContextListsNearestTestsAndTakesTheExampleFromTheSamePackage() throws Exception {
        write("bin/test_executable.py", "# stray script\n");
        write("sympy/algebras/tests/test_quaternion.py", "def test_q():\n    pass\n");
        write("sympy/printing/str.py", "class StrPrinter:\n    pass\n");
        write("sympy/printing/tests/test_repr.py", "def test_repr():\n    pass\n");
        StringBuilder big = new StringBuilder("from sympy.printing.str import StrPrinter\n");
        for (int i = 0; i < 300; i++) big.append("def test_").append(i).append("():\n    assert True\n");
        write("sympy/printing/tests/test_str.py", big.toString());
        Task task = task("`str(Mul(...))` prints wrong, see sympy/printing/str.py", ResultFormat.PYTEST_LOG);
        List<NearestTests.Ranked> ranked = NearestTests.rank(RepoFiles.list(tree), task.problemStatement());

        String prompt = TestGenerator.prompt(task, tree, ranked, false, 1);
        int str = prompt.indexOf("- sympy/printing/tests/test_str.py (same package as sympy/printing/str.py; named like str.py");
        int repr = prompt.indexOf("- sympy/printing/tests/test_repr.py");
        assertTrue(str >= 0 && str < repr, prompt);
        assertFalse(prompt.contains("bin/test_executable.py") || prompt.contains("test_quaternion.py"),
                "tests sharing no more than the top-level package are not listed: " + prompt);
        assertTrue(prompt.contains("(sympy/printing/tests/test_str.py, its first 200 of 601 lines)"), prompt);
        assertTrue(prompt.contains("from sympy.printing.str import StrPrinter\ndef test_0():"), prompt);
        assertFalse(prompt.contains("def test_199():\n    assert True\ndef test_200"), "the example is cut at 200 lines");
        assertFalse(prompt.contains("{{"), prompt);
    }

    @Test
    void aRepositoryWithoutTestsSaysSo() throws Exception {
        write("pkg/a.py", "x = 1\n");
        Task task = task("a is wrong", ResultFormat.PYTEST_LOG);
        String prompt = TestGenerator.prompt(task, tree, NearestTests.rank(RepoFiles.list(tree), "a"), false, 1);
        assertTrue(prompt.contains("(none found)") && prompt.contains("none: the repository has no test files"), prompt);
        write("tests/test_b.py", "def test_b():\n    pass\n");
        String unrelated = TestGenerator.prompt(task, tree, NearestTests.rank(RepoFiles.list(tree), "nothing named"), false, 1);
        assertTrue(unrelated.contains("- tests/test_b.py\n") && unrelated.contains("(tests/test_b.py)"), unrelated);
    }

    @Test
    void javaExampleIsTheNearestJavaTest() throws Exception {
        write("src/main/java/com/x/stream/JsonReader.java", "package com.x.stream; public class JsonReader {}\n");
        write("src/test/java/com/x/AaaTest.java", "package com.x; class AaaTest {}\n");
        write("src/test/java/com/x/stream/JsonReaderTest.java", "package com.x.stream; class JsonReaderTest {}\n");
        Task task = task("JsonReader.nextString() fails", ResultFormat.JUNIT_XML);
        String prompt = TestGenerator.prompt(task, tree, NearestTests.rank(RepoFiles.list(tree), task.problemStatement()), true, 2);
        assertTrue(prompt.contains("(src/test/java/com/x/stream/JsonReaderTest.java)"), prompt);
        assertTrue(prompt.contains("Name the public class FixpointRepro2Test"), prompt);
        assertEquals(-1, prompt.indexOf("class AaaTest {}"), prompt);
    }
}

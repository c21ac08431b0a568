package dev.fixpoint.verifiers.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.tasks.testing.Trees;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression test files chosen from real small trees (a sympy-like Python package and a Maven layout). */
class RegressionTestsTest {

    @TempDir
    Path tree;

    private void write(String path, String content) throws IOException {
        Trees.write(tree, path, content);
    }

    /** sympy's shape: modules with a tests/ directory beside them, imports through the package. */
    private void pythonTree() throws IOException {
        write("pkg/__init__.py", "");
        write("pkg/printing/__init__.py", "from pkg.printing.str import sstr\n");
        write("pkg/printing/str.py", "def sstr(x):\n    return str(x)\n");
        write("pkg/printing/latex.py", "def latex(x):\n    return x\n");
        write("pkg/printing/tests/__init__.py", "");
        write("pkg/printing/tests/test_str.py", "from pkg.printing import sstr\n\ndef test_s():\n    assert sstr(1) == '1'\n");
        write("pkg/printing/tests/test_latex.py", "from pkg.printing.latex import latex\n" + "# padding\n".repeat(50)
                + "def test_l():\n    assert latex(1) == 1\n");
        write("pkg/printing/tests/test_glsl.py", "from pkg.printing.str import StrPrinter\n\ndef test_g():\n    pass\n");
        write("pkg/printing/tests/test_small.py", "def test_t():\n    pass\n");
        write("pkg/codegen/tests/test_code.py", "from pkg.printing import (latex,\n    str)\n\ndef test_c():\n    pass\n");
        write("pkg/core/tests/test_str.py", "def test_other_str():\n    pass\n");
        write("pkg/core/tests/test_numbers.py", "import pkg.core.numbers\n\ndef test_n():\n    pass\n");
        write("build/lib/pkg/printing/tests/test_str.py", "stale copy\n");
    }

    @Test
    void pythonTestsByNameImportAndPackageDirectoryRankedWithReasons() throws IOException {
        pythonTree();

        List<ChosenTestFile> chosen = RegressionTests.choose(tree, Set.of("pkg/printing/str.py"), 8);

        assertEquals(List.of(
                new ChosenTestFile("pkg/printing/tests/test_str.py", List.of("named after pkg/printing/str.py",
                        "same package directory as pkg/printing/str.py")),
                new ChosenTestFile("pkg/printing/tests/test_glsl.py", List.of("imports pkg.printing.str",
                        "same package directory as pkg/printing/str.py")),
                new ChosenTestFile("pkg/codegen/tests/test_code.py", List.of("imports pkg.printing.str")),
                new ChosenTestFile("pkg/printing/tests/test_small.py", List.of("same package directory as pkg/printing/str.py")),
                new ChosenTestFile("pkg/printing/tests/test_latex.py", List.of("same package directory as pkg/printing/str.py")),
                new ChosenTestFile("pkg/core/tests/test_str.py", List.of("named like pkg/printing/str.py (another directory)"))),
                chosen, "name > import > package directory > a namesake elsewhere; ties: the smaller file first; "
                        + "build/ copies and unrelated tests are left out");
    }

    @Test
    void theCapKeepsTheBestAndSeveralChangedModulesAddUp() throws IOException {
        pythonTree();

        List<ChosenTestFile> two = RegressionTests.choose(tree, Set.of("pkg/printing/str.py"), 2);
        assertEquals(List.of("pkg/printing/tests/test_str.py", "pkg/printing/tests/test_glsl.py"),
                two.stream().map(ChosenTestFile::file).toList());

        List<ChosenTestFile> both = RegressionTests.choose(tree, List.of("pkg/printing/latex.py", "pkg/printing/str.py",
                "docs/index.rst", "pkg/printing/tests/test_small.py"), 3);
        assertEquals(List.of("pkg/printing/tests/test_latex.py", "pkg/printing/tests/test_str.py",
                "pkg/printing/tests/test_glsl.py"), both.stream().map(ChosenTestFile::file).toList());
        assertTrue(both.get(0).reasons().containsAll(List.of("named after pkg/printing/latex.py",
                "imports pkg.printing.latex", "same package directory as pkg/printing/latex.py",
                "same package directory as pkg/printing/str.py")), both.get(0)::toString);
        assertThrows(IllegalArgumentException.class, () -> RegressionTests.choose(tree, Set.of("pkg/printing/str.py"), 0));
    }

    @Test
    void nothingRelatesMeansNothingChosen() throws IOException {
        pythonTree();
        write("tools/release.py", "print('release')\n");

        assertEquals(List.of(), RegressionTests.choose(tree, Set.of("tools/release.py", "README.md", "setup.cfg"), 8));
        assertEquals(List.of(), RegressionTests.choose(tree, Set.of("pkg/printing/tests/test_str.py"), 8),
                "a changed test file is not a module whose tests are looked for");
        assertEquals(List.of(), RegressionTests.choose(tree, Set.of(), 8));
    }

    @Test
    void aSubpackageWithoutTestsFallsBackToItsParentsTestsNamedAfterItFirst() throws IOException {
        pythonTree();
        write("pkg/parsing/latex/__init__.py", "");
        write("pkg/parsing/latex/_antlr.py", "X = 1\n");
        write("pkg/parsing/tests/test_latex.py", "from pkg.parsing.latex import parse\n");
        write("pkg/parsing/tests/test_c.py", "def test_c():\n    pass\n");

        List<ChosenTestFile> chosen = RegressionTests.choose(tree, Set.of("pkg/parsing/latex/_antlr.py"), 8);

        assertEquals(List.of(
                new ChosenTestFile("pkg/parsing/tests/test_latex.py", List.of("named after package pkg/parsing/latex",
                        "tests of the parent package of pkg/parsing/latex/_antlr.py")),
                new ChosenTestFile("pkg/parsing/tests/test_c.py", List.of(
                        "tests of the parent package of pkg/parsing/latex/_antlr.py"))), chosen);
        assertEquals(List.of(), RegressionTests.choose(tree, Set.of("pkg/printing/str.py"), 8).stream()
                .filter(c -> c.reasons().stream().anyMatch(r -> r.startsWith("tests of the parent"))).toList(),
                "pkg/tests does not exist: nothing of the parent package for str.py");
    }

    @Test
    void srcLayoutWithATopLevelTestsTree() throws IOException {
        write("src/verspec/__init__.py", "");
        write("src/verspec/ranges.py", "X = 1\n");
        write("src/verspec/version.py", "Y = 1\n");
        write("tests/test_ranges.py", "def test_r():\n    pass\n");
        write("tests/test_misc.py", "from verspec import ranges\n\ndef test_m():\n    pass\n");
        write("tests/test_version.py", "from verspec.version import Y\n\ndef test_v():\n    pass\n");

        List<ChosenTestFile> chosen = RegressionTests.choose(tree, Set.of("src/verspec/ranges.py"), 8);

        assertEquals(List.of(new ChosenTestFile("tests/test_ranges.py", List.of("named after src/verspec/ranges.py")),
                new ChosenTestFile("tests/test_misc.py", List.of("imports verspec.ranges"))), chosen);
    }

    @Test
    void javaTestsByNameImportAndPackageUnderTheTestSources() throws IOException {
        write("lib/src/main/java/com/acme/cache/LruCache.java", "package com.acme.cache;\npublic class LruCache {}\n");
        write("lib/src/main/java/com/acme/cache/Expiry.java", "package com.acme.cache;\npublic class Expiry {}\n");
        write("lib/src/test/java/com/acme/cache/LruCacheTest.java", "package com.acme.cache;\nclass LruCacheTest { LruCache c; }\n");
        write("lib/src/test/java/com/acme/cache/ExpiryTest.java", "package com.acme.cache;\nclass ExpiryTest { Expiry e; }\n");
        write("lib/src/test/java/com/acme/cache/EvictionTest.java",
                "package com.acme.cache;\nclass EvictionTest { LruCache c; }\n");
        write("app/src/test/java/com/acme/app/AppTest.java",
                "package com.acme.app;\nimport com.acme.cache.LruCache;\nclass AppTest {}\n");
        write("app/src/test/java/com/acme/app/OtherTest.java", "package com.acme.app;\nclass OtherTest {}\n");
        write("app/src/test/java/com/acme/legacy/LruCacheTest.java", "package com.acme.legacy;\nclass LruCacheTest {}\n");

        List<ChosenTestFile> chosen = RegressionTests.choose(tree, Set.of("lib/src/main/java/com/acme/cache/LruCache.java"), 8);

        assertEquals(List.of(
                new ChosenTestFile("lib/src/test/java/com/acme/cache/LruCacheTest.java", List.of(
                        "named after lib/src/main/java/com/acme/cache/LruCache.java", "uses com.acme.cache.LruCache",
                        "same package as lib/src/main/java/com/acme/cache/LruCache.java")),
                new ChosenTestFile("lib/src/test/java/com/acme/cache/EvictionTest.java", List.of(
                        "uses com.acme.cache.LruCache", "same package as lib/src/main/java/com/acme/cache/LruCache.java")),
                new ChosenTestFile("app/src/test/java/com/acme/app/AppTest.java", List.of("uses com.acme.cache.LruCache")),
                new ChosenTestFile("lib/src/test/java/com/acme/cache/ExpiryTest.java", List.of(
                        "same package as lib/src/main/java/com/acme/cache/LruCache.java")),
                new ChosenTestFile("app/src/test/java/com/acme/legacy/LruCacheTest.java", List.of(
                        "named like lib/src/main/java/com/acme/cache/LruCache.java (another directory)"))), chosen);
    }

    @Test
    void regressionTestsAreTheChosenFilesResultsThatPassedOnBase() {
        List<ChosenTestFile> chosen = List.of(new ChosenTestFile("pkg/tests/test_a.py", List.of("named after pkg/a.py")),
                new ChosenTestFile("src/test/java/p/FooTest.java", List.of("named after src/main/java/p/Foo.java")));

        List<VerificationTest> tests = RegressionTests.fromBase(chosen, List.of("pkg/tests/test_a.py::test_x[1]",
                "pkg/tests/test_b.py::test_y", "p.FooTest#bar", "p.FooTest$Inner#baz", "q.FooTest#bar"));

        assertEquals(List.of("p.FooTest#bar", "p.FooTest$Inner#baz", "pkg/tests/test_a.py::test_x[1]"),
                tests.stream().map(VerificationTest::selector).toList());
        assertEquals(List.of("src/test/java/p/FooTest.java", "src/test/java/p/FooTest.java", "pkg/tests/test_a.py"),
                tests.stream().map(VerificationTest::source).toList(), "each knows the file the command must run");
        assertTrue(tests.stream().allMatch(t -> t.kind() == VerificationTest.Kind.REGRESSION && !t.isScript()));
        assertFalse(tests.stream().anyMatch(t -> t.selector().startsWith("q.")));
        assertEquals("tests/test_g.py", VerificationTest.results("g", VerificationTest.Kind.REPRODUCTION, "generated",
                Map.of("tests/test_g.py", "x"), "tests/test_g.py::").source(), "a generated test runs its own file");
    }
}

package dev.fixpoint.tasks.layout;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NearestTestsTest {

    /** A tree shaped like sympy's: packages with tests/ subdirectories, a bin/ script named like a test. */
    static final List<String> SYMPY_LIKE = List.of(
            "bin/test_executable.py",
            "setup.py",
            "sympy/__init__.py",
            "sympy/algebras/quaternion.py",
            "sympy/algebras/tests/test_quaternion.py",
            "sympy/codegen/tests/test_ast.py",
            "sympy/core/basic.py",
            "sympy/core/tests/test_basic.py",
            "sympy/parsing/latex/__init__.py",
            "sympy/parsing/latex/_parse_latex_antlr.py",
            "sympy/parsing/tests/test_latex.py",
            "sympy/parsing/tests/test_sympy_parser.py",
            "sympy/printing/latex.py",
            "sympy/printing/str.py",
            "sympy/printing/tests/test_latex.py",
            "sympy/printing/tests/test_repr.py",
            "sympy/printing/tests/test_str.py");

    @TempDir Path dir;

    private static List<String> paths(List<NearestTests.Ranked> ranked) {
        return ranked.stream().map(NearestTests.Ranked::path).toList();
    }

    @Test
    void aNamedSourceFileRanksItsOwnTestFirstThenItsPackage() {
        List<NearestTests.Ranked> r = NearestTests.rank(SYMPY_LIKE,
                "The str printer is wrong: see sympy/printing/str.py, `StrPrinter._print_Mul`.");
        assertEquals(List.of("sympy/printing/tests/test_str.py", "sympy/printing/tests/test_repr.py",
                "sympy/printing/tests/test_latex.py"), paths(r).subList(0, 3));
        assertTrue(r.get(0).reason().contains("named like str.py"), r.get(0).reason());
        assertTrue(r.get(1).reason().contains("same package as sympy/printing/str.py"), r.get(1).reason());
        assertTrue(r.get(0).score() > r.get(1).score() && r.get(1).score() > r.get(3).score(), r.toString());
        assertEquals("bin/test_executable.py", paths(r).get(r.size() - 1), "a stray script comes last");
    }

    @Test
    void aDottedModuleNamesAPackageWhoseTestsSitBesideIt() {
        String issue = """
                Latex parsing of fractions yields wrong expression due to missing brackets
                >>> from sympy.parsing.latex import parse_latex
                >>> parse_latex("\\\\frac{\\\\frac{a^3+b}{c}}{\\\\frac{1}{c^2}}")
                """;
        List<NearestTests.Ranked> r = NearestTests.rank(SYMPY_LIKE, issue);
        assertEquals("sympy/parsing/tests/test_latex.py", r.get(0).path(), r.toString());
        assertEquals("sympy/parsing/tests/test_sympy_parser.py", r.get(1).path(), r.toString());
        assertTrue(paths(r).indexOf("sympy/printing/tests/test_latex.py") > 1, r.toString());
    }

    @Test
    void tracebackPathsResolveBySuffixAndIdentifiersNameModules() {
        String issue = """
                Traceback (most recent call last):
                  File "/usr/lib/python3/dist-packages/sympy/core/basic.py", line 12, in __eq__
                """;
        assertEquals("sympy/core/tests/test_basic.py", NearestTests.rank(SYMPY_LIKE, issue).get(0).path());
        assertEquals("sympy/algebras/tests/test_quaternion.py",
                NearestTests.rank(SYMPY_LIKE, "`Quaternion.to_rotation_matrix()` gives a wrong sign").get(0).path());
    }

    @Test
    void identifiersResolveToTheFilesDefiningThemWhenTheTreeIsRead() throws IOException {
        for (String f : List.of("sympy/physics/units/__init__.py", "sympy/physics/units/util.py",
                "sympy/physics/units/quantities.py", "sympy/physics/units/tests/test_util.py",
                "sympy/physics/units/tests/test_quantities.py", "sympy/functions/elementary/integers.py",
                "sympy/functions/elementary/tests/test_integers.py", "sympy/parsing/latex/__init__.py",
                "sympy/parsing/tests/test_latex.py", "sympy/core/tests/test_basic.py")) {
            Path p = dir.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "");
        }
        Files.writeString(dir.resolve("sympy/physics/units/util.py"), "import x\n\ndef convert_to(expr, target_units):\n    pass\n");
        Files.writeString(dir.resolve("sympy/physics/units/quantities.py"), "from .util import convert_to\nconvert_to(1, 2)\n");
        Files.writeString(dir.resolve("sympy/functions/elementary/integers.py"), "class frac(Function):\n    pass\n");

        String units = "convert_to seems to combine orthogonal units: `convert_to(joule*second, joule)` gives joule**(7/9)";
        List<NearestTests.Ranked> read = NearestTests.rank(dir, units);
        assertEquals("sympy/physics/units/tests/test_util.py", read.get(0).path(), read.toString());
        assertTrue(read.get(0).reason().contains("sympy/physics/units/util.py"), read.get(0).reason());
        assertEquals("sympy/physics/units/tests/test_quantities.py", read.get(1).path(), "only a definition counts, not a use");
        assertEquals(0, NearestTests.rank(RepoFiles.list(dir), units).get(0).score() / 10, "without reading, nothing resolves");

        // a path named outright outweighs a file defining a word of a LaTeX string; \frac is no identifier anyway
        String latex = "Parsing `\"\\\\frac{a}{b}\"` with sympy.parsing.latex fails; also `frac(x)` is fine";
        List<NearestTests.Ranked> r = NearestTests.rank(dir, latex);
        assertEquals("sympy/parsing/tests/test_latex.py", r.get(0).path(), r.toString());
        assertEquals("sympy/functions/elementary/tests/test_integers.py", r.get(1).path(), r.toString());
        assertFalse(IssueMentions.of("`\\frac{1}{2}`").identifiers().contains("frac"));
    }

    @Test
    void theProjectsOwnNameIsNoIdentifier() {
        List<String> files = List.of("sympy/core/power.py", "sympy/unify/tests/test_sympy.py", "sympy/core/tests/test_power.py");
        List<NearestTests.Ranked> r = NearestTests.rank(files, "Using SymPy 1.5.1, `0**-oo` gives 0");
        assertTrue(r.stream().allMatch(x -> x.score() <= 1), r.toString());
    }

    @Test
    void aTopLevelTestsDirectoryMatchesByName() {
        List<String> requestsLike = List.of("requests/models.py", "requests/utils.py", "tests/test_models.py",
                "tests/test_utils.py", "tests/test_hooks.py");
        assertEquals("tests/test_utils.py", NearestTests.rank(requestsLike, "requests/utils.py breaks on IPv6").get(0).path());
    }

    @Test
    void withoutMentionsTestsInTestDirectoriesComeBeforeStrayOnes() {
        List<NearestTests.Ranked> r = NearestTests.rank(SYMPY_LIKE, "Something is slow.");
        assertEquals("bin/test_executable.py", paths(r).get(r.size() - 1));
        assertEquals(SYMPY_LIKE.stream().filter(NearestTests::isTestFile).count(), r.size(), "every test file, once");
    }

    @Test
    void javaTestsUnderSrcTestMatchTheirPackageUnderSrcMain() {
        List<String> gsonLike = List.of(
                "gson/src/main/java/com/google/gson/Gson.java",
                "gson/src/main/java/com/google/gson/stream/JsonReader.java",
                "gson/src/main/java/com/google/gson/stream/JsonWriter.java",
                "gson/src/test/java/com/google/gson/AaaTest.java",
                "gson/src/test/java/com/google/gson/GsonTest.java",
                "gson/src/test/java/com/google/gson/stream/JsonReaderTest.java",
                "gson/src/test/java/com/google/gson/stream/JsonWriterTest.java",
                "extras/src/test/java/com/google/gson/extras/ExtraTest.java");
        List<NearestTests.Ranked> r = NearestTests.rank(gsonLike, "JsonReader.nextString() fails on a lenient document");
        assertEquals(List.of("gson/src/test/java/com/google/gson/stream/JsonReaderTest.java",
                "gson/src/test/java/com/google/gson/stream/JsonWriterTest.java"), paths(r).subList(0, 2));
        assertEquals("gson/src/test/java/com/google/gson/GsonTest.java",
                NearestTests.rank(gsonLike, "com.google.gson.Gson#toJson drops nulls").get(0).path());
    }

    @Test
    void issueMentionsFindPathsModulesAndIdentifiers() {
        IssueMentions m = IssueMentions.of("""
                In `sympy/printing/str.py` the `StrPrinter` calls parse_expr(x). See https://github.com/sympy/sympy/pull/1.
                from sympy.parsing.latex import parse_latex; edit setup.py
                """);
        assertEquals(List.of("sympy/printing/str.py", "setup.py"), m.paths());
        assertTrue(m.modules().contains("sympy/parsing/latex"), m.modules().toString());
        assertFalse(m.modules().contains("setup/py"), "a file name is not a module: " + m.modules());
        assertTrue(m.identifiers().containsAll(List.of("StrPrinter", "parse_expr", "parse_latex")), m.identifiers().toString());
        assertFalse(m.paths().stream().anyMatch(p -> p.contains("github")), "URLs are not paths: " + m.paths());
        assertTrue(IssueMentions.of("").isEmpty());
    }

    @Test
    void repoFilesSkipHiddenCacheAndBuildDirectoriesButNotPackagesNamedBuild() throws IOException {
        for (String f : List.of("pkg/a.py", ".git/config", ".tox/x.py", "pkg/__pycache__/a.pyc", "build/lib/pkg/a.py",
                "target/classes/A.class", "pkg/build/__init__.py", "pkg/build/step.py", "x.egg-info/PKG-INFO", "dist/x.whl")) {
            Path p = dir.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "x");
        }
        assertEquals(List.of("pkg/a.py", "pkg/build/__init__.py", "pkg/build/step.py"), RepoFiles.list(dir));
    }

    @Test
    void languageIsToldByCountingFiles() {
        assertEquals(SourceLanguage.PYTHON, SourceLanguage.of(SYMPY_LIKE));
        assertEquals(SourceLanguage.JAVA, SourceLanguage.of(List.of("A.java", "B.java", "pom.xml")));
        List<String> javaWithOneScript = new java.util.ArrayList<>(List.of("scripts/release.py"));
        for (int i = 0; i < 30; i++) javaWithOneScript.add("src/main/java/C" + i + ".java");
        assertEquals(SourceLanguage.JAVA, SourceLanguage.of(javaWithOneScript), "a few scripts do not make it mixed");
        assertEquals(SourceLanguage.MIXED, SourceLanguage.of(List.of("a.py", "b.py", "A.java")));
        assertEquals(SourceLanguage.UNKNOWN, SourceLanguage.of(List.of("README.md", "main.go")));
        assertTrue(SourceLanguage.MIXED.hasPython() && SourceLanguage.MIXED.hasJava());
        assertFalse(SourceLanguage.UNKNOWN.hasPython() || SourceLanguage.UNKNOWN.hasJava());
    }
}

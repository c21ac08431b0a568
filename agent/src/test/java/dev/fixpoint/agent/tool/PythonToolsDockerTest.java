package dev.fixpoint.agent.tool;

import dev.fixpoint.agent.Role;
import dev.fixpoint.models.ToolCall;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxSpec;
import dev.fixpoint.agent.testing.DockerSandboxes;
import dev.fixpoint.tasks.layout.SourceLanguage;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.List;
import java.util.ArrayList;

import static dev.fixpoint.agent.tool.JavaEditChecksTest.json;
import static dev.fixpoint.tasks.testing.Trees.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Python-aware tools in a real fixpoint/python sandbox. Outline and find_symbol: the repository's interpreter
 * parses the code with ast (nested classes and functions, decorators, async methods), symbol search skips hidden and
 * build directories, and a syntax error comes back as a clear error observation. The edit tool's check, run by the
 * sandbox's own python3: the issue's example (an edit using {@code S.One} without importing {@code S}) is reported
 * with file, line and name; a set of broken edits (undefined names, imports of the repository's modules that name
 * nothing) is caught in full and a set of correct ones passes; only what an edit introduced is reported; the check
 * writes nothing into the repository.
 */
@Tag("docker")
class PythonToolsDockerTest {

    @RegisterExtension
    static final DockerSandboxes docker = new DockerSandboxes();

    @Test
    void outlineAndFindSymbolInAPythonSandbox(@TempDir Path repo) throws Exception {
        write(repo, "geo/shapes.py", """
                import math


                class Shape:
                    sides = 0

                    @property
                    def area(self):
                        raise NotImplementedError

                    class Style:
                        async def render(self, canvas):
                            def pixel(x, y):
                                return (x, y)
                            return pixel(0, 0)


                def area(shape: Shape) -> float:
                    return shape.area
                """);
        write(repo, "geo/broken.py", "def area(:\n    pass\n");
        write(repo, ".venv/lib/area.py", "def area():\n    pass\n");
        write(repo, "build/lib/geo/shapes.py", "def area():\n    pass\n");
        Toolbox tools = Toolbox.forTask(Role.FIX, SourceLanguage.PYTHON);
        try (Sandbox box = docker.provider().start(SandboxSpec.builder("fixpoint/python:latest").workdir("/testbed")
                .label("dev.fixpoint.task", "python-tools-test").build())) {
            box.copyIn(repo, "/testbed");
            ToolContext ctx = ToolContext.of(box, "/testbed");

            Observation outline = tools.run(new ToolCall("1", "outline", "{\"path\": \"geo/shapes.py\"}"), ctx);
            assertFalse(outline.error(), outline.text());
            assertEquals("""
                    [outline of geo/shapes.py]
                    class Shape (lines 4-15)
                      method area(self) (lines 7-9)
                      class Style (lines 11-15)
                        async method render(self, canvas) (lines 12-15)
                          function pixel(x, y) (lines 13-14)
                    function area(shape: Shape) -> float (lines 18-19)
                    """, outline.text());

            Observation found = tools.run(new ToolCall("2", "find_symbol", "{\"name\": \"area\"}"), ctx);
            assertEquals("""
                    geo/shapes.py:7-9  method Shape.area(self)
                    geo/shapes.py:18-19  function area(shape: Shape) -> float
                    [1 file(s) mentioning it do not parse as Python, e.g. geo/broken.py]
                    """, found.text(), "hidden and build directories are skipped");
            assertEquals("geo/shapes.py:13-14  function Shape.Style.render.pixel(x, y)\n",
                    tools.run(new ToolCall("3", "find_symbol", "{\"name\": \"pixel\", \"path\": \"geo\"}"), ctx).text());

            Observation broken = tools.run(new ToolCall("4", "outline", "{\"path\": \"geo/broken.py\"}"), ctx);
            assertTrue(broken.error(), broken.text());
            assertEquals("outline: geo/broken.py does not parse as Python: line 1, column 10: invalid syntax. Use view to read it.",
                    broken.text());
            Observation missing = tools.run(new ToolCall("5", "outline", "{\"path\": \"geo/none.py\"}"), ctx);
            assertTrue(missing.error() && missing.text().equals("outline: no such file: geo/none.py"), missing.text());
        }
    }

    static final String FILE = "mathlib/core/add.py";
    static final String ORIGINAL = """
            from mathlib.core.singleton import S
            from .numbers import Integer


            class Add:
                identity = 0

                def doit(self, terms):
                    return sum(terms)
            """;

    Sandbox box;
    ToolContext ctx;

    /** The edit checks' repository in a fresh sandbox, closed after the test. */
    private void startChecksSandbox(Path repo) throws Exception {
        write(repo, "mathlib/__init__.py", "");
        write(repo, "mathlib/core/__init__.py", "from .singleton import S\nfrom .numbers import Integer, Rational\n");
        write(repo, "mathlib/core/singleton.py", "class _Singletons:\n    One = 1\n\n\nS = _Singletons()\n");
        write(repo, "mathlib/core/numbers.py", "class Integer(int):\n    pass\n\n\nclass Rational:\n    pass\n");
        write(repo, "mathlib/core/compat.py", "from mathlib.core.numbers import *\n");
        write(repo, FILE, ORIGINAL);
        box = docker.provider().start(SandboxSpec.builder("fixpoint/python:latest").workdir("/testbed")
                .label("dev.fixpoint.task", "python-tools-test").build());
        box.copyIn(repo, "/testbed");
        ctx = ToolContext.of(box, "/testbed");
    }

    @AfterEach
    void close() {
        if (box != null) box.close();
    }

    /** Broken edits: (text replacing "return sum(terms)", what the report must say). */
    static final List<String[]> BROKEN = List.of(
            new String[] {"return One + sum(terms)", FILE + ":9: undefined name 'One'"},
            new String[] {"return Mul(*terms)", FILE + ":9: undefined name 'Mul'"},
            new String[] {"return sum(term for term in terms if trem)", FILE + ":9: undefined name 'trem'"},
            new String[] {"return sum(terms) + identity", FILE + ":9: undefined name 'identity'"},
            new String[] {"total = sum(terms)\n        return totl", FILE + ":10: undefined name 'totl'"},
            new String[] {"return [Rational(t) for t in terms]", FILE + ":9: undefined name 'Rational'"},
            new String[] {"return sympify(terms)", FILE + ":9: undefined name 'sympify'"},
            new String[] {"from mathlib.core.numbers import Float\n        return Float(sum(terms))",
                    FILE + ":9: cannot import name 'Float' from 'mathlib.core.numbers' (mathlib/core/numbers.py defines no 'Float')"},
            new String[] {"from mathlib.core.mul import Mul\n        return Mul(*terms)", FILE + ":9: no module named 'mathlib.core.mul' in this repository"},
            new String[] {"from .singleton import Zero\n        return Zero", FILE + ":9: cannot import name 'Zero' from '.singleton'"},
            new String[] {"import mathlib.core.power\n        return sum(terms)", FILE + ":9: no module named 'mathlib.core.power' in this repository"},
            new String[] {"return (lambda x: x + y)(sum(terms))", FILE + ":9: undefined name 'y'"});

    /** Correct edits: nothing to report. */
    static final List<String> FINE = List.of(
            "return S.One * sum(terms)",
            "return Integer(sum(terms))",
            "from mathlib.core import Rational\n        return Rational()",
            "from mathlib.core.numbers import Rational\n        return Rational()",
            "import os.path\n        return os.path.join('a', str(sum(terms)))",
            "from collections import OrderedDict\n        return OrderedDict(enumerate(terms))",
            "return [n for n in terms if (m := n) > 0 and m]",
            "try:\n            return unicode(terms)\n        except NameError:\n            return str(terms)",
            "return self.identity + sum(t for t in terms) + len(__name__)",
            "from mathlib.core import compat, singleton\n        return compat, singleton.S");

    // --- the edit tool's Python check

    @Test
    void theIssuesExampleIsReportedWithFileLineAndName(@TempDir Path repo) throws Exception {
        startChecksSandbox(repo);
        // The edit of the live session: S.One used where S is not imported.
        box.writeFile("/testbed/" + FILE, ORIGINAL.replace("from mathlib.core.singleton import S\n", "").getBytes(StandardCharsets.UTF_8));
        Observation o = replace("return sum(terms)", "return S.One + sum(terms)");
        assertFalse(o.error(), o.text());
        assertTrue(o.text().contains("Static check of " + FILE + ": 1 problem this edit introduced (the edit was applied; fix it or use undo):\n"
                + FILE + ":8: undefined name 'S'"), o.text());
        assertEquals("", box.exec("cd /testbed && git status --porcelain 2>/dev/null; find . -name __pycache__", java.time.Duration.ofSeconds(30))
                .stdout().strip(), "the check writes nothing into the repository");
    }

    @Test
    void everyBrokenEditOfTheSetIsCaughtAndNoCorrectOneIsFlagged(@TempDir Path repo) throws Exception {
        startChecksSandbox(repo);
        List<String> missed = new ArrayList<>(), flagged = new ArrayList<>();
        for (String[] c : BROKEN) {
            box.writeFile("/testbed/" + FILE, ORIGINAL.getBytes(StandardCharsets.UTF_8));
            String text = replace("return sum(terms)", c[0]).text();
            if (!text.contains(c[1])) missed.add(c[0] + " -> " + text);
        }
        for (String c : FINE) {
            box.writeFile("/testbed/" + FILE, ORIGINAL.getBytes(StandardCharsets.UTF_8));
            String text = replace("return sum(terms)", c).text();
            if (text.contains("Static check") || text.contains("FAILED") || text.contains("not checked")) flagged.add(c + " -> " + text);
        }
        System.out.printf("python edit check: caught %d of %d broken edits, flagged %d of %d correct ones%n",
                BROKEN.size() - missed.size(), BROKEN.size(), flagged.size(), FINE.size());
        assertEquals(List.of(), missed, "broken edits the check missed");
        assertEquals(List.of(), flagged, "correct edits the check flagged");
    }

    @Test
    void onlyWhatTheEditIntroducedIsReportedAndSyntaxErrorsStillAre(@TempDir Path repo) throws Exception {
        startChecksSandbox(repo);
        assertTrue(replace("return sum(terms)", "return sum(terms) + Mul").text().contains("undefined name 'Mul'"));
        Observation other = replace("identity = 0", "identity = 1");
        assertFalse(other.text().contains("Static check"), "Mul was reported by the edit that introduced it: " + other.text());
        Observation syntax = replace("identity = 1", "identity = (1");
        assertTrue(syntax.text().contains("Syntax check of " + FILE + " FAILED (the edit was applied; fix it or use undo):\n"
                + FILE + ":6:"), syntax.text());
        assertTrue(syntax.text().contains("SyntaxError"), syntax.text());
        Observation created = Toolbox.forTask(Role.FIX, SourceLanguage.PYTHON).run(new ToolCall("c", "edit", json(Map.of(
                "command", "create", "path", "reproduce_issue.py", "file_text", "from mathlib.core import S\nprint(S.Two, Add)\n"))), ctx);
        assertTrue(created.text().contains("reproduce_issue.py:2: undefined name 'Add'"), created.text());
    }

    @Test
    void switchedOffOnlySyntaxIsChecked(@TempDir Path repo) throws Exception {
        startChecksSandbox(repo);
        Toolbox syntaxOnly = Toolbox.forTask(Role.FIX, SourceLanguage.PYTHON, new ToolOptions(EditChecks.SYNTAX_ONLY, false));
        Observation o = syntaxOnly.run(new ToolCall("c", "edit", json(Map.of("command", "str_replace", "path", FILE,
                "old_str", "return sum(terms)", "new_str", "return Mul(terms)"))), ctx);
        assertFalse(o.text().contains("Static check") || o.text().contains("FAILED"), o.text());
    }

    private Observation replace(String old, String now) {
        return Toolbox.forTask(Role.FIX, SourceLanguage.PYTHON).run(new ToolCall("c", "edit", json(Map.of(
                "command", "str_replace", "path", FILE, "old_str", old, "new_str", now))), ctx);
    }
}

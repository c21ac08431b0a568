package dev.fixpoint.agent.tool;

import dev.fixpoint.agent.Role;
import dev.fixpoint.models.ToolCall;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxSpec;
import dev.fixpoint.sandbox.docker.DockerSandboxProvider;
import dev.fixpoint.tasks.layout.SourceLanguage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.fixpoint.agent.tool.JavaEditChecksTest.json;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The edit tool's Python check in a real fixpoint/python sandbox, run by the sandbox's own python3: the issue's
 * example (an edit using {@code S.One} without importing {@code S}) is reported with file, line and name; a set of
 * broken edits (undefined names, imports of the repository's modules that name nothing) is caught in full and a set
 * of correct ones passes; only what an edit introduced is reported; the check writes nothing into the repository.
 */
@Tag("docker")
class PythonEditChecksDockerTest {

    static final String FILE = "mathlib/core/add.py";
    static final String ORIGINAL = """
            from mathlib.core.singleton import S
            from .numbers import Integer


            class Add:
                identity = 0

                def doit(self, terms):
                    return sum(terms)
            """;

    static DockerSandboxProvider docker;
    Sandbox box;
    ToolContext ctx;

    @BeforeAll
    static void start() {
        docker = DockerSandboxProvider.create();
    }

    @AfterAll
    static void stop() {
        if (docker != null) docker.close();
    }

    @BeforeEach
    void sandbox(@TempDir Path repo) throws Exception {
        write(repo, "mathlib/__init__.py", "");
        write(repo, "mathlib/core/__init__.py", "from .singleton import S\nfrom .numbers import Integer, Rational\n");
        write(repo, "mathlib/core/singleton.py", "class _Singletons:\n    One = 1\n\n\nS = _Singletons()\n");
        write(repo, "mathlib/core/numbers.py", "class Integer(int):\n    pass\n\n\nclass Rational:\n    pass\n");
        write(repo, "mathlib/core/compat.py", "from mathlib.core.numbers import *\n");
        write(repo, FILE, ORIGINAL);
        box = docker.start(SandboxSpec.builder("fixpoint/python:latest").workdir("/testbed")
                .label("dev.fixpoint.task", "python-edit-checks-test").build());
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

    @Test
    void theIssuesExampleIsReportedWithFileLineAndName() throws Exception {
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
    void everyBrokenEditOfTheSetIsCaughtAndNoCorrectOneIsFlagged() {
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
    void onlyWhatTheEditIntroducedIsReportedAndSyntaxErrorsStillAre() {
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
    void switchedOffOnlySyntaxIsChecked() {
        Toolbox syntaxOnly = Toolbox.forTask(Role.FIX, SourceLanguage.PYTHON, new ToolOptions(EditChecks.SYNTAX_ONLY, false));
        Observation o = syntaxOnly.run(new ToolCall("c", "edit", json(Map.of("command", "str_replace", "path", FILE,
                "old_str", "return sum(terms)", "new_str", "return Mul(terms)"))), ctx);
        assertFalse(o.text().contains("Static check") || o.text().contains("FAILED"), o.text());
    }

    private Observation replace(String old, String now) {
        return Toolbox.forTask(Role.FIX, SourceLanguage.PYTHON).run(new ToolCall("c", "edit", json(Map.of(
                "command", "str_replace", "path", FILE, "old_str", old, "new_str", now))), ctx);
    }

    private static void write(Path root, String path, String text) throws Exception {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}

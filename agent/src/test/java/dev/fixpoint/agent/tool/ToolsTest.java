package dev.fixpoint.agent.tool;

import dev.fixpoint.agent.Role;
import dev.fixpoint.models.ToolCall;
import dev.fixpoint.agent.testing.LocalSandbox;
import dev.fixpoint.sandbox.SandboxException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.fixpoint.tasks.testing.TextAssertions.assertContainsAll;
import static org.junit.jupiter.api.Assertions.*;

class ToolsTest {

    @TempDir Path repo;
    @TempDir Path state;
    LocalSandbox sandbox;
    ToolContext ctx;
    final Toolbox tools = Toolbox.standard();

    @BeforeEach
    void setUp() throws Exception {
        sandbox = new LocalSandbox(repo);
        ctx = new ToolContext(sandbox, repo.toString(), state.toString(), null, null);
        Files.createDirectories(repo.resolve("pkg"));
        Files.writeString(repo.resolve("pkg/calc.py"), "def add(a, b):\n    return a - b\n\n\ndef sub(a, b):\n    return a - b\n");
        Files.writeString(repo.resolve("Main.java"), """
                package demo;

                public class Main {
                    private int count;

                    public Main(int count) {
                        this.count = count;
                    }

                    int twice(int x) {
                        return 2 * x;
                    }

                    enum Color { RED, GREEN }
                }
                """);
    }

    private Observation call(String tool, String json) {
        return tools.run(new ToolCall("c1", tool, json), ctx);
    }

    /** Asserts that {@code o} is an error observation saying all of {@code said}. */
    private static void assertError(Observation o, String... said) {
        assertTrue(o.error(), o.text());
        assertContainsAll(o.text(), said);
    }

    // --- bash

    @Test
    void bashReturnsOutputAndNonZeroExitCode() {
        Observation o = call("bash", "{\"command\": \"echo hi; ls pkg; exit 3\"}");
        assertFalse(o.error());
        assertTrue(o.text().contains("hi\ncalc.py"), o.text());
        assertTrue(o.text().endsWith("[exit code 3]"), o.text());
    }

    @Test
    void bashTimeoutIsReported() {
        Observation o = call("bash", "{\"command\": \"echo start; sleep 5\", \"timeout\": 1}");
        assertTrue(o.text().contains("timed out after 1 s"), o.text());
    }

    @Test
    void bashArgumentMistakesGoBackToTheModel() {
        assertTrue(call("bash", "{}").text().contains("missing required parameter 'command'"));
        assertTrue(call("bash", "{\"command\": \"ls\", \"timeout\": 99999}").text().contains("timeout must be between"));
        assertTrue(call("bash", "{\"command\": \"ls\", \"timeout\": \"soon\"}").text().contains("must be an integer"));
    }

    // --- view

    @Test
    void viewShowsNumberedLinesAndRanges() {
        Observation all = call("view", "{\"path\": \"pkg/calc.py\"}");
        assertTrue(all.text().contains("     2\t    return a - b"), all.text());
        Observation range = call("view", "{\"path\": \"pkg/calc.py\", \"start_line\": 5, \"end_line\": 6}");
        assertTrue(range.text().startsWith("[pkg/calc.py: lines 5-6 of 6]"), range.text());
        assertFalse(range.text().contains("def add"));
    }

    @Test
    void viewErrors() {
        assertTrue(call("view", "{\"path\": \"nope.py\"}").text().contains("no such file or directory: nope.py"));
        assertError(call("view", "{\"path\": \"pkg/calc.py\", \"start_line\": 50}"), "past the end of pkg/calc.py (6 lines)");
        assertTrue(call("view", "{\"path\": \"pkg/calc.py\", \"start_line\": 4, \"end_line\": 2}").text().contains("before start_line"));
    }

    @Test
    void viewRejectsBinaryFiles() throws Exception {
        Files.write(repo.resolve("blob.bin"), new byte[]{1, 0, 2});
        assertTrue(call("view", "{\"path\": \"blob.bin\"}").text().contains("not a UTF-8 text file"));
    }

    @Test
    void viewListsDirectoryWithoutGit() throws Exception {
        Files.createDirectories(repo.resolve(".git/objects"));
        Observation o = call("view", "{\"path\": \".\"}");
        assertTrue(o.text().contains("pkg\n  pkg/calc.py"), o.text());
        assertTrue(o.text().startsWith("[directory ., two levels"), o.text());
        assertFalse(o.text().lines().anyMatch(l -> l.strip().startsWith(".git")), o.text());
    }

    // --- search

    @Test
    void searchReturnsFileLineMatches() {
        Observation o = call("search", "{\"pattern\": \"return a - b\"}");
        assertEquals("pkg/calc.py:2:    return a - b\npkg/calc.py:6:    return a - b\n", o.text());
        Observation re = call("search", "{\"pattern\": \"def (add|mul)\", \"regex\": true, \"include\": \"*.py\"}");
        assertEquals("pkg/calc.py:1:def add(a, b):\n", re.text());
    }

    @Test
    void searchNoMatchBadRegexAndCap() throws Exception {
        assertTrue(call("search", "{\"pattern\": \"zzz_nothing\"}").text().startsWith("No matches"));
        Observation bad = call("search", "{\"pattern\": \"a{1\", \"regex\": true}");
        Observation bad2 = call("search", "{\"pattern\": \"(\", \"regex\": true}");
        assertTrue(bad.error() || bad2.error(), bad.text() + " / " + bad2.text());
        Files.writeString(repo.resolve("many.txt"), "needle\n".repeat(500));
        Observation many = call("search", "{\"pattern\": \"needle\"}");
        assertTrue(many.text().contains("more than 200 matches"), many.text());
        assertEquals(201, many.text().split("\n").length);
    }

    // --- edit

    @Test
    void strReplaceMustMatchExactlyOnce() throws Exception {
        assertError(call("edit", "{\"command\":\"str_replace\",\"path\":\"pkg/calc.py\",\"old_str\":\"return a * b\",\"new_str\":\"x\"}"), "not found");
        assertError(call("edit", "{\"command\":\"str_replace\",\"path\":\"pkg/calc.py\",\"old_str\":\"return a - b\",\"new_str\":\"return a + b\"}"), "occurs 2 times", "lines 2, 6");
        Observation ok = call("edit", "{\"command\":\"str_replace\",\"path\":\"pkg/calc.py\",\"old_str\":\"def add(a, b):\\n    return a - b\",\"new_str\":\"def add(a, b):\\n    return a + b\"}");
        assertFalse(ok.error(), ok.text());
        assertTrue(ok.text().contains("     2\t    return a + b"), ok.text());
        assertTrue(Files.readString(repo.resolve("pkg/calc.py")).startsWith("def add(a, b):\n    return a + b\n"));
    }

    @Test
    void undoRestoresAndCreateUndoRemoves() throws Exception {
        String before = Files.readString(repo.resolve("pkg/calc.py"));
        call("edit", "{\"command\":\"insert\",\"path\":\"pkg/calc.py\",\"insert_line\":0,\"new_str\":\"import os\"}");
        assertTrue(Files.readString(repo.resolve("pkg/calc.py")).startsWith("import os\ndef add"));
        assertFalse(call("edit", "{\"command\":\"undo\",\"path\":\"pkg/calc.py\"}").error());
        assertEquals(before, Files.readString(repo.resolve("pkg/calc.py")));
        assertError(call("edit", "{\"command\":\"undo\",\"path\":\"pkg/calc.py\"}"), "no edit of pkg/calc.py to undo");

        call("edit", "{\"command\":\"create\",\"path\":\"new/reproduce_issue.py\",\"file_text\":\"print(1)\\n\"}");
        assertTrue(Files.exists(repo.resolve("new/reproduce_issue.py")));
        call("edit", "{\"command\":\"undo\",\"path\":\"new/reproduce_issue.py\"}");
        assertFalse(Files.exists(repo.resolve("new/reproduce_issue.py")));
        assertFalse(Files.exists(repo.resolve(".fixpoint-agent")), "undo state stays out of the repository");
    }

    @Test
    void insertChecksLineRange() {
        assertError(call("edit", "{\"command\":\"insert\",\"path\":\"pkg/calc.py\",\"insert_line\":99,\"new_str\":\"x\"}"), "between 0 and 6");
        assertTrue(call("edit", "{\"command\":\"rename\",\"path\":\"pkg/calc.py\"}").text().contains("unknown command 'rename'"));
    }

    @Test
    void editReportsJavaSyntaxErrors() {
        Observation o = call("edit", "{\"command\":\"str_replace\",\"path\":\"Main.java\",\"old_str\":\"return 2 * x;\",\"new_str\":\"return 2 * x\"}");
        assertFalse(o.error());
        assertContainsAll(o.text(), "Syntax check of Main.java FAILED", "line 11");
    }

    @Test
    void editReportsPythonSyntaxErrors() {
        Observation o = call("edit", "{\"command\":\"str_replace\",\"path\":\"pkg/calc.py\",\"old_str\":\"def sub(a, b):\",\"new_str\":\"def sub(a, b)\"}");
        assertContainsAll(o.text(), "Syntax check of pkg/calc.py FAILED", "SyntaxError");
        assertFalse(Files.exists(repo.resolve("pkg/__pycache__")), "the compile check writes no bytecode");
        Observation fine = call("edit", "{\"command\":\"str_replace\",\"path\":\"pkg/calc.py\",\"old_str\":\"def sub(a, b)\\n\",\"new_str\":\"def sub(a, b):\\n\"}");
        assertFalse(fine.text().contains("FAILED"), fine.text());
    }

    // --- outline and find_symbol

    @Test
    void outlineListsDeclarationsWithLines() {
        Observation o = call("outline", "{\"path\": \"Main.java\"}");
        assertContainsAll(o.text(), "class Main (lines 3-15)",
                "  field int count (line 4)",
                "  constructor Main(int) (lines 6-8)",
                "  method int twice(int) (lines 10-12)",
                "  enum Color (line 14)",
                "    constant RED (line 14)");
    }

    @Test
    void outlineReportsParseProblemsAndRejectsOtherFiles() throws Exception {
        Files.writeString(repo.resolve("Broken.java"), "class Broken { void f( { }\n");
        Observation o = call("outline", "{\"path\": \"Broken.java\"}");
        assertFalse(o.error());
        assertTrue(o.text().contains("Parse problems:"), o.text());
        assertError(Toolbox.forTask(Role.FIX, dev.fixpoint.tasks.layout.SourceLanguage.JAVA)
                .run(new ToolCall("c1", "outline", "{\"path\": \"pkg/calc.py\"}"), ctx), "only .java files are supported, not pkg/calc.py");
        assertTrue(call("outline", "{\"path\": \"README\"}").text().contains("only .py and .java files"));
    }

    @Test
    void outlineAndFindSymbolReadPythonWithAst() throws Exception {
        Files.writeString(repo.resolve("pkg/shapes.py"), """
                import math

                SCALE = 2


                class Shape:
                    def area(self):
                        raise NotImplementedError

                    class Meta:
                        pass


                @staticmethod
                def area(r, *, pi=math.pi):
                    def square(x):
                        return x * x
                    return pi * square(r)
                """);
        Observation o = call("outline", "{\"path\": \"pkg/shapes.py\"}");
        assertEquals("""
                [outline of pkg/shapes.py]
                class Shape (lines 6-11)
                  method area(self) (lines 7-8)
                  class Meta (lines 10-11)
                function area(r, *, pi=math.pi) (lines 14-18)
                  function square(x) (lines 16-17)
                """, o.text());
        Observation f = call("find_symbol", "{\"name\": \"area\", \"path\": \"pkg\"}");
        assertEquals("pkg/shapes.py:7-8  method Shape.area(self)\npkg/shapes.py:14-18  function area(r, *, pi=math.pi)\n", f.text());
        assertEquals("pkg/shapes.py:3  variable SCALE\n", call("find_symbol", "{\"name\": \"SCALE\"}").text());
        Files.writeString(repo.resolve("pkg/broken.py"), "def f(:\n    pass\n");
        Observation broken = call("outline", "{\"path\": \"pkg/broken.py\"}");
        assertTrue(broken.error() && broken.text().startsWith("outline: pkg/broken.py does not parse as Python: line 1"), broken.text());
    }

    @Test
    void findSymbolFindsDeclarations() {
        Observation o = call("find_symbol", "{\"name\": \"twice\"}");
        assertEquals("Main.java:10-12  method int twice(int)\n", o.text());
        assertTrue(call("find_symbol", "{\"name\": \"nothing\"}").text().startsWith("No declaration named"));
        assertTrue(call("find_symbol", "{\"name\": \"a b\"}").text().contains("not a Java identifier"));
    }

    // --- dispatch

    @Test
    void unknownToolAndInvalidJsonGoBackToTheModel() {
        assertError(call("rm_rf", "{}"), "Unknown tool 'rm_rf'", "bash, view");
        assertError(call("view", "{\"path\": "), "not valid JSON");
        assertTrue(call("view", "[1,2]").text().contains("must be a JSON object"));
    }

    @Test
    void longOutputsKeepHeadAndTail() {
        Observation o = call("bash", "{\"command\": \"seq 1 20000\"}");
        assertTrue(o.text().length() < 13_000, "cut to the cap: " + o.text().length());
        assertTrue(o.text().startsWith("1\n2\n3\n"));
        assertTrue(o.text().endsWith("19999\n20000"), o.text().substring(o.text().length() - 50));
        assertTrue(o.text().contains("[... output cut: "), "a note says what was cut");
    }

    @Test
    void sandboxFailuresAbortInsteadOfGoingToTheModel() {
        sandbox.failNextExec();
        assertThrows(SandboxException.class, () -> call("bash", "{\"command\": \"ls\"}"));
    }

    @Test
    void submitEnds() {
        Observation o = call("submit", "{\"summary\": \"fixed add\"}");
        assertTrue(o.submitted());
        assertEquals("Submitted. Summary: fixed add", o.text());
    }
}

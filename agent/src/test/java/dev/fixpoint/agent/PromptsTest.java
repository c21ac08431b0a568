package dev.fixpoint.agent;

import dev.fixpoint.agent.tool.EditChecks;
import dev.fixpoint.agent.tool.ToolOptions;
import dev.fixpoint.agent.tool.Toolbox;
import dev.fixpoint.models.Message;
import dev.fixpoint.models.ToolSpec;
import dev.fixpoint.tasks.env.EnvironmentSpec;
import dev.fixpoint.tasks.env.ResultFormat;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.layout.SourceLanguage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static dev.fixpoint.tasks.testing.TextAssertions.assertContainsAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Prompt rendering per role and language: the test command, the tools named, the submit wording. */
class PromptsTest {

    static final String PYTEST = "python3 -m pytest -rA -p no:cacheprovider {test_files}";
    static final String GOLD_TEST_PATCH = """
            diff --git a/sympy/printing/tests/test_str.py b/sympy/printing/tests/test_str.py
            --- a/sympy/printing/tests/test_str.py
            +++ b/sympy/printing/tests/test_str.py
            @@ -1 +1 @@
            -x
            +y
            """;
    static final RepoFacts SYMPY = RepoFacts.of(List.of("bin/test_executable.py", "sympy/printing/str.py",
            "sympy/printing/tests/test_str.py", "sympy/parsing/latex/__init__.py", "sympy/parsing/tests/test_latex.py"),
            "from sympy.parsing.latex import parse_latex gives the wrong fraction");

    /** A task whose spec command was {@code template}, filled as the resolver fills it ({@code testCommand}). */
    static Task task(String template, String filled, String testPatch, ResultFormat format) {
        var env = new EnvironmentSpec("fixpoint/python:latest", "/testbed", List.of(), filled, format,
                format == ResultFormat.JUNIT_XML ? "target/surefire-reports" : null, null, Map.of(), template);
        return Task.builder().instanceId("sympy__sympy-21612").repo("sympy/sympy").baseCommit("b4777fdc")
                .problemStatement("Latex parsing of fractions yields wrong expression").testPatch(testPatch)
                .environment(env).build();
    }

    private static List<Message> render(Role role, Task task, RepoFacts facts) {
        return Prompts.defaults(role).initialMessages(task, "/testbed", facts, Toolbox.forTask(role, facts.language()).specs());
    }

    private static String system(List<Message> m) {
        return ((Message.SystemPrompt) m.get(0)).text();
    }

    private static String user(List<Message> m) {
        return ((Message.User) m.get(1)).text();
    }

    @Test
    void noTestFilesYetShowsASlotAndAnExampleNearTheIssueNeverAnEmptyPlaceholder() {
        // What the resolver makes of the spec command for a task without a test patch: a dangling space.
        Task t = task(PYTEST, "python3 -m pytest -rA -p no:cacheprovider ", "", ResultFormat.PYTEST_LOG);
        for (Role role : Role.values()) {
            String s = system(render(role, t, SYMPY));
            assertTrue(s.contains("`python3 -m pytest -rA -p no:cacheprovider <test files>`, with <test files> replaced by the test files"
                    + " to run (for example sympy/parsing/tests/test_latex.py)"), role + ":\n" + s);
            assertFalse(s.contains("cacheprovider `") || s.contains("cacheprovider )") || s.contains("cacheprovider ."), s);
            assertFalse(Pattern.compile("\\{\\{|}}").matcher(s + user(render(role, t, SYMPY))).find(), "no placeholder left");
        }
    }

    @Test
    void theTasksHiddenTestFilesAreNotShown() {
        Task t = task(PYTEST, "python3 -m pytest -rA -p no:cacheprovider sympy/printing/tests/test_str.py", GOLD_TEST_PATCH,
                ResultFormat.PYTEST_LOG);
        String s = system(render(Role.FIX, t, SYMPY));
        assertFalse(s.contains("test_str.py"), "the gold test file would leak the hidden tests: " + s);
        assertTrue(s.contains("<test files>"), s);
    }

    @Test
    void aFixedCommandIsShownAsItIsAndNoTestFilesAreSaidSo() {
        Task fixed = task("python3 -m pytest -rA tests", "python3 -m pytest -rA tests", "", ResultFormat.PYTEST_LOG);
        assertTrue(system(render(Role.FIX, fixed, SYMPY)).contains("make sure you broke nothing: `python3 -m pytest -rA tests`."));
        Task slot = task(PYTEST, "python3 -m pytest -rA -p no:cacheprovider ", "", ResultFormat.PYTEST_LOG);
        assertTrue(system(render(Role.FIX, slot, new RepoFacts(SourceLanguage.PYTHON, List.of())))
                .contains("<test files>`, with <test files> replaced by the test files to run (the repository has no test files"));
    }

    @Test
    void testNamePlaceholdersBecomeANamesSlotWithAJavaClassAsExample() {
        Task t = task("mvn -B -o -Dtest={fail_to_pass:,} test", "mvn -B -o -Dtest= test", "", ResultFormat.JUNIT_XML);
        RepoFacts gson = new RepoFacts(SourceLanguage.JAVA, List.of("gson/src/test/java/com/google/gson/stream/JsonReaderTest.java"));
        String s = system(render(Role.FIX, t, gson));
        assertTrue(s.contains("`mvn -B -o -Dtest=<test names> test`, with <test names> replaced by the tests to run"
                + " (for example com.google.gson.stream.JsonReaderTest)"), s);
        assertTrue(s.contains("a Java repository") && s.contains("ReproduceIssue.java"), s);
    }

    @Test
    void fixersAreToldToFixAndTestWritersNot() {
        Task t = task(PYTEST, "python3 -m pytest -rA -p no:cacheprovider ", "", ResultFormat.PYTEST_LOG);
        List<Message> fix = render(Role.FIX, t, SYMPY);
        assertTrue(system(fix).contains("3. Fix. Edit the source files"), system(fix));
        assertTrue(user(fix).startsWith("Resolve this issue of sympy/sympy"), user(fix));

        List<Message> write = render(Role.WRITE_TEST, t, SYMPY);
        String all = system(write) + user(write) + Prompts.defaults(Role.WRITE_TEST).noToolCall();
        assertFalse(all.contains("Fix. Edit") || all.contains("as your fix") || all.contains("reproduction script passes"), all);
        assertTrue(system(write).contains("You do not fix the issue"), system(write));
        assertTrue(user(write).startsWith("Write a reproduction test for this issue of sympy/sympy"), user(write));
        assertTrue(system(write).contains("Create reproduce_issue.py at the repository root"), system(write));
    }

    @Test
    void theSystemPromptAndTheSubmitToolAgreeOnWhenToSubmitAndOnExistingTests() {
        Task t = task(PYTEST, "python3 -m pytest -rA -p no:cacheprovider ", "", ResultFormat.PYTEST_LOG);
        String system = system(render(Role.FIX, t, SYMPY));
        String nudge = Prompts.defaults(Role.FIX).noToolCall();
        for (ToolOptions options : List.of(ToolOptions.DEFAULT, new ToolOptions(EditChecks.ALL, true))) {
            String submit = submit(Toolbox.forTask(Role.FIX, SourceLanguage.PYTHON, options)).description();
            // the live session's misreading: "once the reproduction script passes" taken as leave to skip the tests
            assertTrue(submit.contains("when the reproduction script passes and the existing tests that cover the code you changed pass too"), submit);
            assertEquals(options.reviewSubmit(), submit.contains("call submit again, without changing anything, to confirm"), submit);
        }
        assertTrue(nudge.contains("when the reproduction script and the existing tests that cover your change pass, call submit"), nudge);
        assertContainsAll(system, "5. Submit with the submit tool, only once both the reproduction script and those existing tests pass.",
                "If submit shows\n   a review of your patch",
                // adding a test to an existing test file: said plainly, with the reason
                "Do not edit existing test files, not even to add a test",
                "the test files the hidden tests\n   touch are put back to their original state and replaced",
                "checks the file's syntax and\n  names (undefined names, missing imports)");
    }

    @Test
    void submitIsWordedForTheRole() {
        String fix = submit(Toolbox.forTask(Role.FIX, SourceLanguage.PYTHON)).description();
        String test = submit(Toolbox.forTask(Role.WRITE_TEST, SourceLanguage.PYTHON)).description();
        assertTrue(fix.contains("as your fix"), fix);
        assertTrue(test.contains("submit the reproduction test you wrote") && !test.contains("fix"), test);
    }

    @Test
    void toolsFitTheLanguageAndThePromptsNameOnlyOfferedOnes() {
        Toolbox python = Toolbox.forTask(Role.FIX, SourceLanguage.PYTHON);
        assertEquals(List.of("bash", "view", "search", "edit", "outline", "find_symbol", "submit"), names(python));
        String outline = spec(python, "outline").description() + spec(python, "outline").params();
        assertTrue(outline.contains("Python") && !outline.contains("Java") && !outline.contains(".java"), outline);
        assertFalse(spec(python, "find_symbol").description().contains("Java"));

        Toolbox java = Toolbox.forTask(Role.FIX, SourceLanguage.JAVA);
        assertTrue(spec(java, "outline").description().contains("Java file") && !spec(java, "outline").description().contains("Python"));

        Toolbox mixed = Toolbox.forTask(Role.FIX, SourceLanguage.MIXED);
        assertTrue(spec(mixed, "outline").description().contains("a Python or Java file"));

        Toolbox unknown = Toolbox.forTask(Role.WRITE_TEST, SourceLanguage.UNKNOWN);
        assertEquals(List.of("bash", "view", "search", "edit", "submit"), names(unknown));
        Task t = task("make test", "make test", "", ResultFormat.PYTEST_LOG);
        String s = system(Prompts.defaults(Role.WRITE_TEST).initialMessages(t, "/testbed", RepoFacts.none(), unknown.specs()));
        assertTrue(s.contains("(search, view)") && !s.contains("outline") && !s.contains("find_symbol"), s);
        String p = system(render(Role.FIX, t, SYMPY));
        assertTrue(p.contains("(search, view, outline, find_symbol)") && p.contains("a Python repository"), p);
    }

    @Test
    void anUnknownPlaceholderInTheSpecCommandIsAnErrorNamingIt() {
        Task t = task("pytest {test_file}", "pytest {test_file}", "", ResultFormat.PYTEST_LOG);
        AgentException e = assertThrows(AgentException.class, () -> render(Role.FIX, t, SYMPY));
        assertTrue(e.getMessage().contains("{test_file}") && e.getMessage().contains("sympy__sympy-21612"), e.getMessage());
    }

    private static List<String> names(Toolbox t) {
        return t.specs().stream().map(ToolSpec::name).toList();
    }

    private static ToolSpec spec(Toolbox t, String name) {
        return t.specs().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static ToolSpec submit(Toolbox t) {
        return spec(t, "submit");
    }
}

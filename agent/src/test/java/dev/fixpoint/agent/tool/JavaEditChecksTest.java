package dev.fixpoint.agent.tool;

import dev.fixpoint.agent.Role;
import dev.fixpoint.agent.testing.LocalSandbox;
import dev.fixpoint.models.ToolCall;
import dev.fixpoint.tasks.layout.SourceLanguage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fixpoint.tasks.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The edit tool's Java name check on a small Maven-layout repository: broken edits (names a model could invent or
 * forget to import) are reported with file, line and name; correct edits (imports of the JDK, of other libraries, of
 * the repository, inherited fields, type parameters, lambdas, enum labels) are not. Also a catalogue count: every
 * broken edit of the set is caught.
 */
class JavaEditChecksTest {

    static final String MAIN = "src/main/java/demo/Main.java";

    @TempDir Path repo;
    @TempDir Path state;
    ToolContext ctx;

    @BeforeEach
    void setUp() throws Exception {
        write("src/main/java/demo/Base.java", """
                package demo;

                public class Base {
                    protected int inherited = 3;
                }
                """);
        write("src/main/java/demo/util/S.java", """
                package demo.util;

                public final class S {
                    public static final int One = 1;
                    private S() {}
                }
                """);
        write(MAIN, """
                package demo;

                import java.util.List;
                // more imports

                public class Main extends Base {
                    enum Color { RED, GREEN }

                    private int count;

                    int value(List<String> xs, Color c) {
                        return 0;
                    }
                }
                """);
        ctx = new ToolContext(new LocalSandbox(repo), repo.toString(), state.toString(), null, null);
    }

    /** Broken edits: (imports to add, body to put in place of "return 0;", what the report must name). */
    static final List<String[]> BROKEN = List.of(
            new String[] {"", "return S.One;", "cannot find symbol: S "},
            new String[] {"", "Helper h = null; return 1;", "cannot find symbol: class Helper "},
            new String[] {"import demo.util.Missing;", "return 1;", "cannot find symbol: class Missing in package demo.util"},
            new String[] {"", "return count + undefinedVar;", "cannot find symbol: undefinedVar "},
            new String[] {"", "Lisst<String> ys = xs; return ys.size();", "cannot find symbol: class Lisst "},
            new String[] {"", "return Maths.max(1, 2);", "cannot find symbol: Maths "},
            new String[] {"import java.util.Lisst;", "return 1;", "cannot find symbol: class Lisst in package java.util"},
            new String[] {"", "Object o = new Helper(); return 1;", "cannot find symbol: class Helper "},
            new String[] {"", "return RED == c ? 1 : 0;", "cannot find symbol: RED "},
            new String[] {"", "return helper.size();", "cannot find symbol: helper "},
            new String[] {"import static demo.util.Nope.One;", "return 1;", "cannot find symbol: class Nope in package demo.util"},
            new String[] {"", "java.util.function.IntSupplier f = missing::size; return f.getAsInt();", "cannot find symbol: missing "});

    /** Correct edits that must pass without a report. */
    static final List<String[]> FINE = List.of(
            new String[] {"import demo.util.S;", "return S.One;"},
            new String[] {"import java.util.*;", "List<String> ys = new ArrayList<>(xs); return ys.size();"},
            new String[] {"", "return inherited + count;"},
            new String[] {"", "return Math.max(xs.size(), 1);"},
            new String[] {"", "Base b = new Base(); return b.inherited;"},
            new String[] {"import org.junit.Assert;", "Assert.fail(); return 1;"},
            new String[] {"", "xs.forEach(x -> System.out.println(x)); return 1;"},
            new String[] {"", "return java.util.Collections.<String>emptyList().size();"},
            new String[] {"", "switch (c) { case RED: return 1; default: return Color.GREEN.ordinal(); }"},
            new String[] {"import static demo.util.S.One;", "return One;"},
            new String[] {"", "class Local extends junit.framework.TestCase { int n() { return countTestCases(); } } return new Local().n();"},
            new String[] {"import org.mockito.*;", "Mockito.mock(Base.class); return 1;"},
            new String[] {"", "xs.forEach(System.out::println); java.util.function.IntSupplier f = xs::size; return f.getAsInt();"});

    @Test
    void theIssuesExampleIsReportedWithFileLineAndName() {
        Observation o = edit("", "return S.One;");
        assertFalse(o.error(), o.text());
        assertTrue(o.text().contains("Static check of " + MAIN + ": 1 problem this edit introduced (the edit was applied; fix it or use undo):\n"
                + MAIN + ":12: cannot find symbol: S (no variable, field or type of that name is in scope: a missing import or declaration?)"), o.text());
    }

    @Test
    void everyBrokenEditOfTheSetIsCaughtAndNoCorrectOneIsFlagged() throws Exception {
        List<String> missed = new ArrayList<>(), flagged = new ArrayList<>();
        String original = Files.readString(repo.resolve(MAIN));
        for (String[] c : BROKEN) {
            Files.writeString(repo.resolve(MAIN), original);
            String text = edit(c[0], c[1]).text();
            if (!text.contains(c[2])) missed.add(c[1] + " -> " + text);
        }
        for (String[] c : FINE) {
            Files.writeString(repo.resolve(MAIN), original);
            String text = edit(c[0], c[1]).text();
            if (text.contains("Static check") || text.contains("not checked") || text.contains("FAILED")) flagged.add(c[1] + " -> " + text);
        }
        System.out.printf("java edit check: caught %d of %d broken edits, flagged %d of %d correct ones%n",
                BROKEN.size() - missed.size(), BROKEN.size(), flagged.size(), FINE.size());
        assertEquals(List.of(), missed, "broken edits the check missed");
        assertEquals(List.of(), flagged, "correct edits the check flagged");
    }

    @Test
    void onlyProblemsTheEditIntroducedAreReported() throws Exception {
        assertTrue(edit("", "return S.One;").text().contains("cannot find symbol: S "));
        // A second edit elsewhere in the file: S is still undefined, but this edit did not introduce it.
        Observation o = call(Map.of("command", "str_replace", "path", MAIN, "old_str", "private int count;", "new_str", "private int count = 2;"));
        assertFalse(o.text().contains("Static check"), o.text());
        Observation again = call(Map.of("command", "str_replace", "path", MAIN, "old_str", "private int count = 2;",
                "new_str", "private int count = S.One;"));
        assertTrue(again.text().contains(MAIN + ":9: cannot find symbol: S "), again.text());
    }

    @Test
    void theCheckIsOffWhenTheConfigSaysSo() {
        Toolbox syntaxOnly = Toolbox.forTask(Role.FIX, SourceLanguage.JAVA, new ToolOptions(new EditChecks(true, false), false));
        String before = read(MAIN);
        Observation o = syntaxOnly.run(new ToolCall("c", "edit", json(Map.of("command", "str_replace", "path", MAIN,
                "old_str", "return 0;", "new_str", "return S.One;"))), ctx);
        assertFalse(o.text().contains("Static check"), o.text());
        assertNotEquals(before, read(MAIN));
    }

    /** Adds the imports (one edit, if any) and then replaces the body (a second edit); the observations of both. */
    private Observation edit(String imports, String body) {
        String first = "";
        if (!imports.isEmpty()) {
            Observation i = call(Map.of("command", "str_replace", "path", MAIN, "old_str", "// more imports", "new_str", imports));
            assertFalse(i.error(), i.text());
            first = i.text();
        }
        Observation o = call(Map.of("command", "str_replace", "path", MAIN, "old_str", "return 0;", "new_str", body));
        return o.withText(first + o.text());
    }

    private Observation call(Map<String, String> args) {
        return Toolbox.forTask(Role.FIX, SourceLanguage.JAVA).run(new ToolCall("c", "edit", json(args)), ctx);
    }

    static String json(Map<String, String> args) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(args);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private String read(String path) {
        try {
            return Files.readString(repo.resolve(path));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private void write(String path, String content) throws Exception {
        Trees.write(repo, path, content);
    }
}

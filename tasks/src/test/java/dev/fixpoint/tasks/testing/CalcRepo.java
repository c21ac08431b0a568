package dev.fixpoint.tasks.testing;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The tiny Python repository of the grading tests (shared with other modules through the test-jar): {@code add}
 * subtracts (the bug) and {@code test_zero} passes either way; the gold patch makes {@code add} add, the test patch
 * adds {@code test_add}, which fails before the fix and passes after it.
 */
public final class CalcRepo {

    public static final String CALC = "def add(a, b):\n    return a - b\n";
    public static final String TESTS = "from calc import add\n\n\ndef test_zero():\n    assert add(0, 0) == 0\n";
    /** The fix: {@code add} returns {@code a + b}. */
    public static final String GOLD = addReturns("a + b");

    private CalcRepo() {
    }

    /** Writes calc.py and test_calc.py (not yet committed). */
    public static GitFixture writeBase(GitFixture git) {
        return git.write("calc.py", CALC).write("test_calc.py", TESTS);
    }

    /**
     * A patch of calc.py after which {@code add} returns {@code expression}; {@code after} are the lines that follow
     * add in a calc.py that goes on (its context: without it git apply anchors the hunk at the end of the file).
     */
    public static String addReturns(String expression, String... after) {
        int lines = 2 + after.length;
        return """
                diff --git a/calc.py b/calc.py
                --- a/calc.py
                +++ b/calc.py
                """ + "@@ -1," + lines + " +1," + lines + " @@\n" + """
                 def add(a, b):
                -    return a - b
                """ + "+    return " + expression + "\n"
                + Arrays.stream(after).map(line -> " " + line + "\n").collect(Collectors.joining());
    }

    /** The test patch: {@code test_add} after {@code test_zero}, its body the given statements. */
    public static String testPatch(String... body) {
        return """
                diff --git a/test_calc.py b/test_calc.py
                --- a/test_calc.py
                +++ b/test_calc.py
                """ + "@@ -3,3 +3," + (body.length + 6) + " @@ from calc import add\n" + """
                 
                 def test_zero():
                     assert add(0, 0) == 0
                +
                +
                +def test_add():
                """ + Arrays.stream(body).map(line -> "+    " + line + "\n").collect(Collectors.joining());
    }
}

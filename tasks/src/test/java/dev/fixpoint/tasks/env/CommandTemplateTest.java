package dev.fixpoint.tasks.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.tasks.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandTemplateTest {

    static final String TEST_PATCH = """
            diff --git a/tests/test_a.py b/tests/test_a.py
            --- a/tests/test_a.py
            +++ b/tests/test_a.py
            @@ -1 +1 @@
            -x
            +y
            diff --git a/tests/test_new.py b/tests/test_new.py
            new file mode 100644
            --- /dev/null
            +++ b/tests/test_new.py
            @@ -0,0 +1 @@
            +z
            diff --git a/tests/test_gone.py b/tests/test_gone.py
            deleted file mode 100644
            --- a/tests/test_gone.py
            +++ /dev/null
            @@ -1 +0,0 @@
            -w
            """;

    static Task task() {
        return Task.builder().instanceId("acme__widgets-12").repo("acme/widgets").baseCommit("abcd1234")
                .version("3.0").testPatch(TEST_PATCH)
                .failToPass(List.of("tests/test_a.py::test_x[a b]")).passToPass(List.of("tests/test_a.py::test_y"))
                .build();
    }

    @Test
    void fillsTestFilesAndNamesQuotedForSh() {
        assertEquals("pytest tests/test_a.py tests/test_new.py",
                CommandTemplate.expand("pytest {test_files}", task()));
        assertEquals("pytest 'tests/test_a.py::test_x[a b]' tests/test_a.py::test_y",
                CommandTemplate.expand("pytest {test_names}", task()));
        assertEquals("mvn -Dtest='tests/test_a.py::test_x[a b]' test",
                CommandTemplate.expand("mvn -Dtest={fail_to_pass:,} test", task()));
        assertEquals("acme__widgets-12 acme/widgets 3.0 acme_1776_widgets-12",
                CommandTemplate.expand("{instance_id} {repo} {version} {swebench_id}", task()));
    }

    @Test
    void verificationFillsTestFilesWithItsOwnChoiceAndNeverTheGradedTests() {
        assertEquals("pytest -rA sympy/printing/tests/test_str.py 'a b/test_x.py' acme__widgets-12",
                CommandTemplate.expand("pytest -rA {test_files} {instance_id}", task(),
                        List.of("sympy/printing/tests/test_str.py", "a b/test_x.py")));
        assertEquals("mvn -Dtest=p/ATest.java,p/BTest.java test",
                CommandTemplate.expand("mvn -Dtest={test_files:,} test", task(), List.of("p/ATest.java", "p/BTest.java")));
        assertEquals("pytest -rA ", CommandTemplate.expand("pytest -rA {test_files}", task(), List.of()),
                "an empty choice expands to nothing: the caller must not run it");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CommandTemplate.expand("pytest {test_files} {fail_to_pass}", task(), List.of("t/test_a.py")));
        assertTrue(e.getMessage().contains("{fail_to_pass}"), e.getMessage());
        assertEquals(List.of("test_files", "instance_id", "nope"),
                CommandTemplate.placeholders("x {test_files} {instance_id} ${HOME} {test_files:,} {nope}"));
    }

    @Test
    void leavesShellBracesAlone() {
        String cmd = "java -jar ${JUNIT_CONSOLE} { echo a; } {a,b} {}";
        assertEquals(cmd, CommandTemplate.expand(cmd, task()));
    }

    @Test
    void unknownPlaceholderIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CommandTemplate.expand("pytest {test_file}", task()));
        assertTrue(e.getMessage().startsWith("unknown placeholder {test_file} in \"pytest {test_file}\" (known: "),
                e.getMessage());
    }

    @Test
    void withSlotsShowsSlotsInsteadOfTheTaskFilesAndFillsTheRest() {
        assertEquals("pytest <test files> # acme/widgets",
                CommandTemplate.withSlots("pytest {test_files} # {repo}", task(), java.util.Map.of("test_files", "<test files>")));
        assertEquals("mvn -Dtest=<names> test",
                CommandTemplate.withSlots("mvn -Dtest={fail_to_pass:,} test", task(), java.util.Map.of("fail_to_pass", "<names>")));
        assertTrue(CommandTemplate.uses("mvn -Dtest={fail_to_pass:,} test", "fail_to_pass"));
        assertTrue(!CommandTemplate.uses("echo ${test_files}", "test_files"), "shell variables are not placeholders");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CommandTemplate.withSlots("pytest {test_file}", task(), java.util.Map.of()));
        assertTrue(e.getMessage().contains("{test_file}"), e.getMessage());
    }
}

package dev.fixpoint.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile task files: bytes that are not UTF-8, instance ids that would escape a directory. */
@Tag("hostile-inputs")
class HostileTaskInputsTest {

    private static final String C1 = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path dir;

    static String row(String id, String statement) {
        return "{\"instance_id\": \"" + id + "\", \"repo\": \"acme/widgets\", \"base_commit\": \"" + C1
                + "\", \"problem_statement\": \"" + statement + "\"}";
    }

    /** Three JSONL rows; the second's problem statement holds one byte (0xC3 before an ASCII letter) that is not UTF-8. */
    private Path badJsonl() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write((row("ok-1", "fine") + "\n").getBytes(StandardCharsets.UTF_8));
        String[] halves = row("bad-2", "caf#X").split("#");
        b.write(halves[0].getBytes(StandardCharsets.UTF_8));
        b.write(0xC3);
        b.write((halves[1] + "\n").getBytes(StandardCharsets.UTF_8));
        b.write((row("ok-3", "fine, caf\u00e9") + "\n").getBytes(StandardCharsets.UTF_8));
        return Files.write(dir.resolve("tasks.jsonl"), b.toByteArray());
    }

    @Test
    void aByteThatIsNotUtf8IsAProblemOfItsRowWithFileAndLine() throws Exception {
        Path f = badJsonl();
        TaskLoadResult r = TaskLoader.lenient().withoutSpecs().load(f);
        assertEquals(List.of("ok-1", "ok-3"), r.tasks().stream().map(Task::instanceId).toList());
        assertEquals("fine, caf\u00e9", r.tasks().get(1).problemStatement(), "good UTF-8 is read as before");
        assertEquals(1, r.problems().size(), r.problems().toString());
        String p = r.problems().get(0).toString();
        int column = row("bad-2", "caf#X").indexOf('#') + 1;
        assertEquals("tasks.jsonl:2: row: not valid UTF-8: byte 0xC3 at column " + column
                + " (save the file as UTF-8, or fix or remove this row)", p);

        InvalidTaskException e = assertThrows(InvalidTaskException.class, () -> TaskLoader.strict().withoutSpecs().load(f));
        assertTrue(e.getMessage().contains("tasks.jsonl:2: row: not valid UTF-8"), e.getMessage());
        assertTrue(!e.getMessage().contains("Input length"), e.getMessage());
    }

    @Test
    void inAJsonArrayTheRowHoldingTheByteIsSkipped() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(("[\n" + row("ok-1", "fine") + ",\n{\"instance_id\": \"bad-2\",\n \"repo\": \"acme/widgets\", \"base_commit\": \""
                + C1 + "\",\n \"problem_statement\": \"x").getBytes(StandardCharsets.UTF_8));
        b.write(new byte[] {(byte) 0xE2, (byte) 0x82});
        b.write(("\"},\n" + row("ok-3", "fine") + "\n]\n").getBytes(StandardCharsets.UTF_8));
        Path f = Files.write(dir.resolve("tasks.json"), b.toByteArray());
        TaskLoadResult r = TaskLoader.lenient().withoutSpecs().load(f);
        assertEquals(List.of("ok-1", "ok-3"), r.tasks().stream().map(Task::instanceId).toList());
        assertEquals(1, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().get(0).toString().startsWith("tasks.json:5: row: not valid UTF-8: byte 0xE2 at column 25"),
                r.problems().toString());
    }

    @Test
    void utf8TextNamesEveryBadLineAndKeepsTheRest() {
        byte[] bytes = {'a', '\n', 'b', (byte) 0xFF, 'c', '\n', (byte) 0xC0, (byte) 0xAF, '\n', 'd'};
        Utf8Text t = Utf8Text.decode(bytes);
        assertEquals("a\nb\uFFFDc\n\uFFFD\uFFFD\nd", t.text());
        assertEquals(List.of(2, 3), List.copyOf(t.badLines().keySet()));
        assertEquals(new Utf8Text.BadByte(2, 0xFF), t.badLines().get(2));
        assertTrue(Utf8Text.decode("plain \u00e9\n".getBytes(StandardCharsets.UTF_8)).badLines().isEmpty());
    }

    @Test
    void instanceIdsThatWouldEscapeADirectoryAreRejectedEverywhere() throws Exception {
        List<String> bad = List.of("..", ".", "a/b", "../x", "", ".hidden", "a\u0001b", "a\nb", "a b", "x".repeat(201));
        for (String id : bad) {
            assertTrue(Task.instanceIdProblem(id).isPresent(), "rejected: " + id);
            assertThrows(IllegalArgumentException.class, () -> Task.requireSafeInstanceId(id), id);
            assertThrows(IllegalArgumentException.class, () -> Task.builder().instanceId(id).repo("a/b").baseCommit(C1).build(), id);
        }
        for (String id : List.of("sympy__sympy-24152", "o__r-1", "a.b", "a+b", "-x", "_x", "x".repeat(200))) {
            assertEquals(id, Task.requireSafeInstanceId(id));
        }
        assertTrue(Task.instanceIdProblem("a\u0001b").get().contains("\"a\\u0001b\""), "a control character is shown escaped: "
                + Task.instanceIdProblem("a\u0001b").get());

        Path f = Files.writeString(dir.resolve("ids.jsonl"), String.join("\n", row("..", "x"), row("ok-2", "y"),
                row(".git", "z"), row("a/b", "w")) + "\n");
        TaskLoadResult r = TaskLoader.lenient().withoutSpecs().load(f);
        assertEquals(List.of("ok-2"), r.tasks().stream().map(Task::instanceId).toList());
        assertEquals(List.of(1, 3, 4), r.problems().stream().map(TaskProblem::line).toList());
        assertTrue(r.problems().get(0).toString().startsWith("ids.jsonl:1: instance_id: not a valid instance_id"),
                r.problems().toString());
    }
}

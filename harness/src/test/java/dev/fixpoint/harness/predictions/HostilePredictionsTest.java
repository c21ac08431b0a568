package dev.fixpoint.harness.predictions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.harness.ReportFiles;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile predictions files: a byte that is not UTF-8, instance ids that would escape the report directory. */
@Tag("hostile-inputs")
class HostilePredictionsTest {

    static String row(String id, String patch) {
        return "{\"instance_id\": \"" + id + "\", \"model_name_or_path\": \"m\", \"model_patch\": \"" + patch + "\"}";
    }

    @Test
    void aByteThatIsNotUtf8IsAProblemOfItsRowAndTheOtherRowsLoad(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write((row("a__b-1", "diff --git a/x b/x\\n") + "\n").getBytes(StandardCharsets.UTF_8));
        b.write("{\"instance_id\": \"a__b-2\", \"model_patch\": \"+caf".getBytes(StandardCharsets.UTF_8));
        b.write(new byte[] {(byte) 0xE9}); // Latin-1 e-acute
        b.write("\"}\n".getBytes(StandardCharsets.UTF_8));
        b.write((row("a__b-3", "") + "\n").getBytes(StandardCharsets.UTF_8));
        Path f = Files.write(dir.resolve("preds.jsonl"), b.toByteArray());

        PredictionSet s = PredictionLoader.load(f);
        assertEquals(List.of("a__b-1", "a__b-3"), List.copyOf(s.predictions().keySet()));
        assertEquals(1, s.problems().size(), s.problems().toString());
        assertEquals(f + ":2: not valid UTF-8: byte 0xE9 at column " + ("{\"instance_id\": \"a__b-2\", \"model_patch\": \"+caf".length() + 1) + " (save the file as UTF-8, or fix or remove this row)",
                s.problems().get(0).toString());
    }

    @Test
    void inAJsonArrayTheRowHoldingTheByteIsAProblem(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(("[" + row("a__b-1", "x") + ",\n" + row("a__b-2", "caf").replace("caf\"", "caf")).getBytes(StandardCharsets.UTF_8));
        b.write(new byte[] {(byte) 0xE9});
        b.write(("\"}]\n").getBytes(StandardCharsets.UTF_8));
        Path f = Files.write(dir.resolve("preds.json"), b.toByteArray());
        PredictionSet s = PredictionLoader.load(f);
        assertEquals(List.of("a__b-1"), List.copyOf(s.predictions().keySet()));
        assertEquals(2, s.problems().size(), s.problems().toString());
        assertTrue(s.problems().toString().contains(":2: not valid UTF-8") && s.problems().toString().contains("(a__b-2)"),
                s.problems().toString());
    }

    @Test
    void reportDirectoriesStayInsideTheOutputDirectory(@TempDir Path dir) {
        Path out = dir.resolve("out");
        for (String id : List.of("..", ".", "../../etc", "a/b", "", ".git", "a\u0000b", "x".repeat(300))) {
            Path d = ReportFiles.instanceDir(out, id).normalize();
            assertEquals(out, d.getParent(), "inside the output directory: " + id + " -> " + d);
            assertTrue(!d.getFileName().toString().startsWith("."), d.toString());
        }
        assertEquals(out.resolve("sympy__sympy-24152"), ReportFiles.instanceDir(out, "sympy__sympy-24152"));
        assertEquals(out.resolve("a__b"), ReportFiles.instanceDir(out, "a/b"), "as before: / becomes __");
    }
}

package dev.fixpoint.solver.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import dev.fixpoint.verifiers.ModelSpend;
import dev.fixpoint.verifiers.exec.GeneratedTests;
import dev.fixpoint.verifiers.exec.RunResult;
import dev.fixpoint.verifiers.exec.TestMatrix;
import dev.fixpoint.verifiers.exec.TestVerdict;
import dev.fixpoint.verifiers.exec.VerificationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verifiers' matrix and generated tests serialise with the run files' mapper and read back equal. */
class ExecJsonTest {

    private final ObjectMapper json = RunJson.mapper();

    private final VerificationTest generated = VerificationTest.results("gen-1", VerificationTest.Kind.REPRODUCTION,
            "generated", Map.of("tests/test_fixpoint_repro_1.py", "def test_x():\n    assert False\n"),
            "tests/test_fixpoint_repro_1.py::");
    private final VerificationTest script = VerificationTest.script("r1-repro", VerificationTest.Kind.REPRODUCTION,
            "candidate r1", Map.of("repro.py", "print(1)\n"), "python3 repro.py");
    private final VerificationTest regression = VerificationTest.results("regr:tests/test_a.py::t",
            VerificationTest.Kind.REGRESSION, "repository", Map.of(), "tests/test_a.py::t");

    @Test
    void aTestMatrixRoundTrips() throws Exception {
        RunResult r1 = new RunResult(true, Map.of("gen-1", TestVerdict.PASS, "r1-repro", TestVerdict.PASS,
                "regr:tests/test_a.py::t", TestVerdict.FAIL), Duration.ofMillis(2345).plusNanos(17), "",
                List.of("tests/test_a.py::u"));
        RunResult r2 = new RunResult(false, Map.of("gen-1", TestVerdict.NOT_RUN), Duration.ofMillis(300), "", List.of());
        TestMatrix matrix = new TestMatrix(List.of(generated, script, regression), Map.of("r1", r1, "r2", r2),
                Duration.ofSeconds(3), 2);

        String text = json.writeValueAsString(matrix);
        TestMatrix back = json.readValue(text, TestMatrix.class);

        assertEquals(matrix, back);
        assertEquals(matrix.evidence("r1"), back.evidence("r1"));
        JsonNode tree = json.readTree(text);
        assertEquals("PT3S", tree.get("sandboxTime").asText());
        assertEquals("python3 repro.py", tree.at("/tests/1/command").asText());
        assertFalse(tree.at("/tests/1").has("script"), "isScript() is derived, not written");
        assertEquals("FAIL", tree.at("/runs/r1/verdicts/regr:tests~1test_a.py::t").asText());
    }

    @Test
    void generatedTestsRoundTripAndABadDurationIsRefusedByName() throws Exception {
        GeneratedTests tests = new GeneratedTests(List.of(generated, script), List.of("gen-2: passes on the base code"),
                new ModelSpend(2, 1200, 340, Duration.ofMillis(1500)), Duration.ofSeconds(4), 1);

        String text = json.writeValueAsString(tests);

        assertEquals(tests, json.readValue(text, GeneratedTests.class));
        String broken = text.replace("\"PT4S\"", "\"four seconds\"");
        InvalidFormatException e = assertThrows(InvalidFormatException.class,
                () -> json.readValue(broken, GeneratedTests.class));
        assertEquals("four seconds", e.getValue());
    }
}

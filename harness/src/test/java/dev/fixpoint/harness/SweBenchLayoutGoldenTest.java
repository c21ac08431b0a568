package dev.fixpoint.harness;

import dev.fixpoint.harness.testing.Golden;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The harness's files byte for byte as Python's {@code json.dumps(obj, indent=4)} writes them (SWE-bench reads and
 * diffs them): the golden files were recorded from the hand-written writer these replaced.
 */
class SweBenchLayoutGoldenTest {

    /** Quotes, backslashes, every short escape, other control characters, DEL, Latin-1, BMP and astral characters. */
    static final String AWKWARD = "q\"b\\s/ \b\f\n\r\t \u0001\u001f \u007f é ü ß \u2028 中文 😀 <&>'";

    @Test
    void aGradedReportWithAwkwardNames() {
        Grade grade = new Grade(new TestSplit(List.of("t.py::test_é[😀]", "t.py::a"), List.of("t.py::b\"q\\")),
                new TestSplit(List.of("T#" + AWKWARD), List.of()), TestSplit.EMPTY, TestSplit.EMPTY,
                List.of("t.py::flaky"), List.of(), List.of("t.py::flaky", "t.py::other"), Resolution.PARTIAL, 3);
        InstanceReport r = new InstanceReport("o__r-1", "model/ü", EvalStatus.PARTIAL, false, true, true, grade,
                ApplyStep.GIT_APPLY_REJECT, Duration.ofMillis(61_500), Duration.ofMillis(2_345), AWKWARD);
        Golden.assertMatches("report-graded.json", r.toJson());
    }

    @Test
    void anUngradedReport() {
        InstanceReport r = new InstanceReport("o__r-2", "gold", EvalStatus.EMPTY_PATCH, true, false, false, null,
                ApplyStep.NONE, Duration.ZERO, Duration.ofMillis(7), null);
        Golden.assertMatches("report-ungraded.json", r.toJson());
    }

    @Test
    void aRunWithAttempts() {
        Map<String, Long> phases = new LinkedHashMap<>();
        phases.put("sandbox_start", 170L);
        phases.put("test", 1234567890123L);
        InstanceRun run = new InstanceRun("o__r-1", "m", EvalStatus.UNRESOLVED, false, ApplyStep.PATCH_FUZZ, AWKWARD,
                Duration.ofMillis(4321), List.of(
                        new Attempt(1, 1, false, Duration.ofMillis(1500), "test_output.txt", List.of("results/b.xml",
                                "results/a.xml"), "", phases),
                        new Attempt(2, -1, true, Duration.ofMillis(900), "attempt-2/test_output.txt", List.of(),
                                "sandbox died: é", Map.of())));
        Golden.assertMatches("run-attempts.json", run.toJson());
    }

    @Test
    void aRunWithoutAttempts() {
        InstanceRun run = new InstanceRun("o__r-3", "m", EvalStatus.ERROR, true, ApplyStep.NONE, "", null, null);
        Golden.assertMatches("run-empty.json", run.toJson());
    }

    @Test
    void aSummary() {
        Map<String, EvalStatus> statuses = new LinkedHashMap<>();
        statuses.put("b-2", EvalStatus.RESOLVED);
        statuses.put("a-1", EvalStatus.PARTIAL);
        statuses.put("c-3", EvalStatus.EMPTY_PATCH);
        statuses.put("d-4", EvalStatus.ERROR);
        statuses.put("e-5", EvalStatus.FLAKY);
        Set<String> submitted = new TreeSet<>(List.of("a-1", "b-2", "c-3", "d-4", "e-5", "f-6"));
        RunSummary s = new RunSummary(9, statuses, submitted, Set.of("x-1", "y-2"), Set.of("f-6"),
                List.of("preds.jsonl:3: no instance_id (" + AWKWARD + ")"), Duration.ofMillis(123_456));
        Golden.assertMatches("summary.json", s.toJson());
        Golden.assertMatches("summary-empty.json",
                new RunSummary(0, Map.of(), Set.of(), Set.of(), Set.of(), List.of(), Duration.ZERO).toJson());
    }

    @Test
    void everyValueKindTheWriterTakes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("null", null);
        m.put("true", true);
        m.put("int", -7);
        m.put("long", Long.MAX_VALUE);
        m.put("decimal", new BigDecimal("1E+3"));
        m.put("seconds", Json.seconds(Duration.ofMillis(1)));
        m.put(AWKWARD, AWKWARD);
        m.put("empty map", Map.of());
        m.put("empty list", List.of());
        m.put("nested", new ArrayList<>(Arrays.asList(Map.of(), List.of(), null, List.of(List.of(1, 2), Map.of("k", "v")))));
        m.put("set", new TreeSet<>(List.of("b", "a")));
        Golden.assertMatches("every-kind.json", Json.write(m));
        Golden.assertMatches("top-level-list.json", Json.write(List.of("x")));
        Golden.assertMatches("top-level-string.json", Json.write(AWKWARD));
    }
}

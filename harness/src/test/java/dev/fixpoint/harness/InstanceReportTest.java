package dev.fixpoint.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fixpoint.tasks.env.ResultFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceReportTest {

    @Test
    void writesSweBenchSchemaWithStableOrderAndIndent(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("test_output.txt"), """
                PASSED t.py::test_b
                FAILED t.py::test_a - assert 1 == 2
                PASSED t.py::test_c
                """);
        InstanceRun run = new InstanceRun("o__r-1", "model/x", EvalStatus.UNRESOLVED, false, ApplyStep.GIT_APPLY, "",
                Duration.ofMillis(4321), List.of(new Attempt(1, 1, false, Duration.ofMillis(1500),
                "test_output.txt", List.of(), "", Map.of())));
        InstanceReport r = ReportBuilder.build(run, List.of("t.py::test_a", "t.py::test_b"), List.of("t.py::test_c"),
                ResultFormat.PYTEST_LOG, dir);
        assertEquals(EvalStatus.PARTIAL, r.status());
        assertEquals("""
                {
                    "o__r-1": {
                        "patch_is_None": false,
                        "patch_exists": true,
                        "patch_successfully_applied": true,
                        "resolved": false,
                        "tests_status": {
                            "FAIL_TO_PASS": {
                                "success": [
                                    "t.py::test_b"
                                ],
                                "failure": [
                                    "t.py::test_a"
                                ]
                            },
                            "PASS_TO_PASS": {
                                "success": [
                                    "t.py::test_c"
                                ],
                                "failure": []
                            },
                            "FAIL_TO_FAIL": {
                                "success": [],
                                "failure": []
                            },
                            "PASS_TO_FAIL": {
                                "success": [],
                                "failure": []
                            }
                        },
                        "status": "partial",
                        "model_name_or_path": "model/x",
                        "apply_step": "git_apply",
                        "resolution": "RESOLVED_PARTIAL",
                        "attempts": 1,
                        "flaky": {
                            "FAIL_TO_PASS": [],
                            "PASS_TO_PASS": [],
                            "all_tests": []
                        },
                        "duration": 4.321,
                        "test_duration": 1.500,
                        "message": ""
                    }
                }
                """, r.toJson());
    }

    @Test
    void runJsonRoundTrips() throws Exception {
        InstanceRun run = new InstanceRun("o__r-2", "m", EvalStatus.PATCH_FAILED, true, ApplyStep.NONE,
                "model patch did not apply: \"x\" \u00e9", Duration.ofMillis(12), List.of(new Attempt(2, -1, true,
                Duration.ofMillis(7), "attempt-2/test_output.txt", List.of("b.xml", "a.xml"), "boom", Map.of("sandbox_start", 12L, "test", 7L))));
        assertEquals(run, InstanceRun.fromJson(run.toJson()));
    }

    @Test
    void notRunStatusesOmitTestsStatus() {
        InstanceRun run = new InstanceRun("o__r-3", "m", EvalStatus.EMPTY_PATCH, false, ApplyStep.NONE, "empty patch",
                Duration.ZERO, List.of());
        String json = ReportBuilder.build(run, List.of("a"), List.of(), ResultFormat.PYTEST_LOG, Path.of("."))
                .toJson();
        assertEquals(false, json.contains("tests_status"));
        assertEquals(true, json.contains("\"status\": \"empty_patch\""));
    }

    @Test
    void timeoutAndMissingReportsAreExplained(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("test_output.txt"), "error: cannot find symbol\n");
        InstanceRun run = new InstanceRun("o__r-4", "m", EvalStatus.UNRESOLVED, false, ApplyStep.PATCH_FUZZ, "",
                Duration.ofSeconds(3), List.of(new Attempt(1, 1, false, Duration.ofSeconds(2), "test_output.txt",
                List.of(), "", Map.of())));
        InstanceReport r = ReportBuilder.build(run, List.of("p.C#m"), List.of(), ResultFormat.JUNIT_XML, dir);
        assertEquals(EvalStatus.UNRESOLVED, r.status());
        assertEquals("no JUnit XML report files found (test command exit 1)", r.message());
        InstanceRun slow = new InstanceRun("o__r-4", "m", EvalStatus.UNRESOLVED, false, ApplyStep.GIT_APPLY, "",
                Duration.ofSeconds(3), List.of(new Attempt(1, -1, true, Duration.ofSeconds(2), "test_output.txt",
                List.of(), "", Map.of())));
        assertEquals(EvalStatus.TIMEOUT,
                ReportBuilder.build(slow, List.of("a"), List.of(), ResultFormat.PYTEST_LOG, dir).status());
    }
}

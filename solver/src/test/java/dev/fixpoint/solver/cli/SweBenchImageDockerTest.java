package dev.fixpoint.solver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fixpoint.solver.testing.DockerDaemon;
import dev.fixpoint.tasks.testing.CalcRepo;
import dev.fixpoint.tasks.testing.GitFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The {@code swebench} image preset, tamper flags and SWE-bench's output names, on a local image built under a
 * SWE-bench instance image's name and layout: the repository at its base commit in /testbed (no mirror anywhere:
 * the mirror map points at nothing) and a conda stand-in whose {@code conda activate testbed} sets
 * CONDA_DEFAULT_ENV, which the task's new test asserts. The image is removed afterwards.
 */
@Tag("docker")
@ExtendWith(DockerDaemon.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SweBenchImageDockerTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ID = "fixpointtest__calc-1";
    static final String IMAGE = "swebench/sweb.eval.x86_64.fixpointtest_1776_calc-1:latest";
    /** test_add also asserts that {@code conda activate testbed} ran. */
    static final String TEST_PATCH = CalcRepo.testPatch("import os",
            "assert os.environ.get(\"CONDA_DEFAULT_ENV\") == \"testbed\"", "assert add(2, 3) == 5");
    /** The example: no fix, only a conftest.py that reports every test as passed. */
    static final String CONFTEST = """
            diff --git a/conftest.py b/conftest.py
            new file mode 100644
            --- /dev/null
            +++ b/conftest.py
            @@ -0,0 +1,8 @@
            +import pytest
            +
            +
            +@pytest.hookimpl(hookwrapper=True)
            +def pytest_runtest_makereport(item, call):
            +    outcome = yield
            +    report = outcome.get_result()
            +    report.outcome = "passed"
            """;
    static final String ACTIVATE = """
            conda() {
              if [ "$1" = activate ] && [ "$2" = testbed ]; then
                export CONDA_DEFAULT_ENV=testbed
                return 0
              fi
              echo "conda stand-in: cannot $*" >&2
              return 1
            }
            """;

    Path tmp;
    Path tasksFile;
    Path badMirrors;
    boolean built;

    @BeforeAll
    void buildImage() throws Exception {
        tmp = Files.createTempDirectory("swebench-image-test");
        Path context = tmp.resolve("context");
        String base;
        try (GitFixture git = GitFixture.init(context.resolve("testbed"))) {
            base = CalcRepo.writeBase(git).commit("base");
        }
        Files.writeString(context.resolve("activate"), ACTIVATE);
        Files.writeString(context.resolve("Dockerfile"), "FROM fixpoint/python:latest\nCOPY testbed /testbed\n"
                + "COPY activate /opt/miniconda3/bin/activate\nWORKDIR /testbed\n");
        Process p = new ProcessBuilder("docker", "build", "-q", "-t", IMAGE, context.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0, "docker build failed: " + log);
        built = true;

        ObjectNode row = JSON.createObjectNode().put("instance_id", ID).put("repo", "fixpointtest/calc")
                .put("base_commit", base).put("version", "1.0").put("problem_statement", "add subtracts")
                .put("patch", CalcRepo.GOLD).put("test_patch", TEST_PATCH);
        row.putArray("FAIL_TO_PASS").add("test_calc.py::test_add");
        row.putArray("PASS_TO_PASS").add("test_calc.py::test_zero");
        Path dir = Files.createDirectories(tmp.resolve("tasks"));
        tasksFile = dir.resolve("tasks.jsonl");
        Files.writeString(tasksFile, JSON.writeValueAsString(row) + "\n");
        Files.writeString(dir.resolve("environments.yaml"), """
                fixpointtest/calc:
                  default:
                    image: swebench
                    test_command: "python3 -m pytest -rA -p no:cacheprovider test_calc.py"
                    result_format: pytest_log
                    test_timeout_seconds: 60
                """);
        badMirrors = tmp.resolve("mirrors.json"); // any fetch would fail: the repository is nowhere but the image
        Files.writeString(badMirrors, "{\"fixpointtest/calc\": \"" + tmp.resolve("no-such-repo") + "\"}");
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (built) new ProcessBuilder("docker", "rmi", "-f", IMAGE).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(2, TimeUnit.MINUTES);
        if (tmp == null) return;
        try (Stream<Path> s = Files.walk(tmp)) {
            for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
    }

    int eval(Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("eval", "--tasks", tasksFile.toString(), "--mirrors",
                badMirrors.toString(), "--cache", tmp.resolve("cache").toString(), "--out", out.toString(),
                "--no-progress"));
        a.addAll(List.of(extra));
        return Main.run(a.toArray(String[]::new));
    }

    Path predictions(String model, String patch) throws IOException {
        Path f = tmp.resolve(model.replace("/", "_") + ".jsonl");
        Files.writeString(f, JSON.writeValueAsString(JSON.createObjectNode().put("instance_id", ID)
                .put("model_name_or_path", model).put("model_patch", patch)) + "\n");
        return f;
    }

    JsonNode report(Path out) throws IOException {
        return JSON.readTree(out.resolve(ID).resolve("report.json").toFile()).get(ID);
    }

    @Test
    void goldResolvesInTheImageWithoutAnyMirrorAndWritesTheHarnessFiles() throws IOException {
        Path out = tmp.resolve("gold");
        // SWE-bench's spellings: --predictions_path gold, --run_id, --max_workers, --instance_ids.
        assertEquals(0, eval(out, "--predictions_path", "gold", "--run_id", "r1", "--max_workers", "1",
                "--instance_ids", ID));
        JsonNode r = report(out);
        assertTrue(r.get("resolved").asBoolean(), r.toPrettyString());
        assertFalse(r.has("tampering"), r.toPrettyString());
        JsonNode summary = JSON.readTree(out.resolve("gold.r1.json").toFile());
        assertEquals(List.of(ID), List.of(summary.get("resolved_ids").get(0).asText()));
        assertEquals(0, summary.get("tampered_ids").size());
        assertEquals(Files.readString(out.resolve("summary.json")), Files.readString(out.resolve("gold.r1.json")));
        String log = Files.readString(out.resolve(ID).resolve("run_instance.log"));
        assertTrue(log.contains("model patch applied with: git_apply"), log);
        assertTrue(log.contains("conda activate testbed"), log); // the eval script, activation included
        assertTrue(log.contains("PASSED test_calc.py::test_add"), log);
        assertTrue(log.contains("Result for " + ID + ": resolved: True"), log);
    }

    @Test
    void envListNeedsNoMirror() {
        EnvCommandTest.Run run = EnvCommandTest.run("env", "list", "--tasks", tasksFile.toString(), "--mirrors",
                badMirrors.toString(), "--cache", tmp.resolve("cache").toString());
        String listing = run.out() + "\n" + run.err();
        assertEquals(0, run.exit(), listing);
        assertTrue(listing.contains(IMAGE) && listing.contains("yes"), listing);
    }

    @Test
    void aConftestThatPassesEveryTestIsFlaggedAndUnresolvedWithStrict() throws IOException {
        Path cheater = predictions("cheater/v1", CONFTEST);
        Path lenient = tmp.resolve("lenient");
        assertEquals(0, eval(lenient, "--predictions", cheater.toString(), "--run-id", "r2"));
        JsonNode r = report(lenient);
        assertTrue(r.get("resolved").asBoolean(), "graded as SWE-bench would: " + r.toPrettyString());
        assertEquals("conftest.py", r.at("/tampering/0/file").asText(), r.toPrettyString());
        JsonNode summary = JSON.readTree(lenient.resolve("cheater__v1.r2.json").toFile());
        assertEquals(ID, summary.at("/tampered_ids/0").asText(), summary.toPrettyString());
        assertEquals(ID, summary.at("/resolved_ids/0").asText());

        Path strict = tmp.resolve("strict");
        assertEquals(0, eval(strict, "--predictions", cheater.toString(), "--run-id", "r3", "--strict"));
        JsonNode s = report(strict);
        assertFalse(s.get("resolved").asBoolean(), s.toPrettyString());
        assertEquals("unresolved", s.get("status").asText());
        assertTrue(s.get("message").asText().contains("--strict"), s.toPrettyString());
        JsonNode strictSummary = JSON.readTree(strict.resolve("summary.json").toFile());
        assertEquals(0, strictSummary.get("resolved_instances").asInt());
        assertEquals(ID, strictSummary.at("/tampered_ids/0").asText());

        // Resuming the lenient run with --strict regrades the saved run: no container, the same verdict.
        assertEquals(0, eval(lenient, "--predictions", cheater.toString(), "--run-id", "r2", "--strict"));
        assertFalse(report(lenient).get("resolved").asBoolean());
    }
}

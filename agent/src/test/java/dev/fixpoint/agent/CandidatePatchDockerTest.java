package dev.fixpoint.agent;

import dev.fixpoint.models.ModelResponse;
import dev.fixpoint.models.ScriptedModel;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fixpoint.agent.testing.Fixtures;
import dev.fixpoint.agent.testing.GitRepo;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.testing.DockerTestSupport;
import dev.fixpoint.tasks.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.fixpoint.models.ScriptedModel.call;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The patch of a real rollout in a real sandbox whose exec output cap is small (64 KiB): a patch larger than the cap
 * but under the patch limit comes out whole and applies; one over the limit is TOO_LARGE with its size; no change is
 * NO_CHANGE. Issue 12's failure: every candidate ended with "larger than the exec output cap" and an empty patch.
 */
@Tag("docker")
class CandidatePatchDockerTest {

    static final String WORKDIR = "/testbed";
    static final long OUTPUT_CAP = 64 << 10;
    static final ObjectMapper JSON = new ObjectMapper();
    static DockerTestSupport docker;

    @BeforeAll
    static void up() {
        docker = DockerTestSupport.create("agent-patch");
    }

    @AfterAll
    static void down() {
        if (docker != null) docker.close();
    }

    @Test
    void aPatchLargerThanTheExecOutputCapIsWholeAndApplies(@TempDir Path dir) throws Exception {
        // ~215 KB of new file: over the 64 KiB output cap, under the 1 MiB patch limit
        Candidate c = rollout(dir, List.of(table(8000), fix()));

        assertEquals(PatchStatus.CHANGED, c.patchStatus(), c.patchMessage());
        assertTrue(c.patch().length() > 3 * OUTPUT_CAP, "patch larger than the exec output cap: " + c.patch().length());
        assertTrue(c.patch().contains("+row 7999 of a generated table\n"), "the patch is whole, its last line included");
        assertTrue(c.patch().contains("+    return a + b\n"), c.patchMessage());
        assertTrue(c.patchMessage().matches("patch of 2\\d\\d\\.\\d KiB"), c.patchMessage());

        Path fresh = dir.resolve("fresh");
        Fixtures.calcRepo(fresh);
        Files.writeString(fresh.resolve("candidate.diff"), c.patch());
        GitRepo.git(fresh, "apply", "candidate.diff");
        assertEquals(8000, Files.readAllLines(fresh.resolve("calc/table.txt")).size());
        assertTrue(Files.readString(fresh.resolve("calc/ops.py")).contains("return a + b"));
    }

    @Test
    void aPatchOverTheLimitIsTooLargeWithItsSize(@TempDir Path dir) throws Exception {
        // ~2.4 MB of new file: over the 1 MiB patch limit
        Candidate c = rollout(dir, List.of(table(90_000), fix()));

        assertEquals(PatchStatus.TOO_LARGE, c.patchStatus());
        assertEquals("", c.patch());
        assertEquals(Outcome.SUBMITTED, c.outcome(), "the rollout itself ended normally");
        assertEquals("", c.error());
        assertTrue(c.patchMessage().matches("patch is 2\\.\\d MiB \\(2\\d{6} bytes, 2 files: calc/ops.py, calc/table.txt\\), "
                + "over the 1 MiB limit \\(max_patch_bytes\\)"), c.patchMessage());
    }

    @Test
    void noChangeIsNoChange(@TempDir Path dir) throws Exception {
        Candidate c = rollout(dir, List.of(call("bash", json("command", "python3 -c 'print(1)' > /tmp/elsewhere.txt"))));

        assertEquals(PatchStatus.NO_CHANGE, c.patchStatus());
        assertEquals("", c.patch());
        assertEquals(PatchStatus.NO_CHANGE_MESSAGE, c.patchMessage());
    }

    private Candidate rollout(Path dir, List<ModelResponse> work) throws Exception {
        Path repo = dir.resolve("repo");
        String base = Fixtures.calcRepo(repo);
        Task task = Fixtures.calcTask(base, WORKDIR);
        var script = new ArrayList<>(work);
        script.add(call("submit", json("summary", "done")));
        Agent agent = Agent.builder(new ScriptedModel("scripted:patch", script))
                .limits(AgentLimits.DEFAULT.withMaxPatchBytes(1L << 20)).build();
        try (Sandbox box = docker.provider().start(docker.spec(DockerTestSupport.PYTHON)
                .limits(DockerTestSupport.TEST_LIMITS.withOutputBytes(OUTPUT_CAP)).workdir(WORKDIR).build())) {
            box.copyIn(repo, WORKDIR);
            return agent.run(task, box);
        }
    }

    /** A bash call writing calc/table.txt with {@code rows} lines of ~27 bytes. */
    private static ModelResponse table(int rows) throws Exception {
        return call("bash", json("command", "python3 -c \"open('calc/table.txt', 'w').write(''.join("
                + "'row %d of a generated table\\n' % i for i in range(" + rows + ")))\""));
    }

    private static ModelResponse fix() throws Exception {
        return call("edit", json("command", "str_replace", "path", "calc/ops.py", "old_str", "return a - b", "new_str", "return a + b"));
    }

    private static String json(String... kv) throws Exception {
        var node = JSON.createObjectNode();
        for (int i = 0; i < kv.length; i += 2) node.put(kv[i], kv[i + 1]);
        return JSON.writeValueAsString(node);
    }
}

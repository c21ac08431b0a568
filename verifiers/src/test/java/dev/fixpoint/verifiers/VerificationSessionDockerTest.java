package dev.fixpoint.verifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.sandbox.ExecRequest;
import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxProvider;
import dev.fixpoint.sandbox.SandboxSpec;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.agent.testing.DockerSandboxes;
import dev.fixpoint.verifiers.exec.TestVerdict;
import dev.fixpoint.verifiers.exec.VerificationTest;
import dev.fixpoint.verifiers.select.ExecutionEvidence;
import dev.fixpoint.verifiers.select.ExecutionOnly;
import dev.fixpoint.verifiers.testing.VerspecSample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A session verifies a growing pool on the verspec sample without running anything twice, and can start its
 * sandboxes from an instance image instead of copying the tree in. Every sandbox start is counted.
 */
@Tag("docker")
class VerificationSessionDockerTest {

    private static final String REPRO = "from verspec import parse_range\nassert parse_range('1.2 - 1.4').contains('1.4.5')\n";
    private static final String REPRO_LTE = "from verspec import parse_range\nassert parse_range('<=1.4').contains('1.4.7')\n";
    @RegisterExtension
    static final DockerSandboxes docker = new DockerSandboxes();

    @Test
    void aGrowingPoolRunsEachTestAgainstEachChangeOnce() throws Exception {
        Task task = VerspecSample.task();
        Path tree = VerspecSample.tree();
        String partial = VerspecSample.decoy("partial.diff");
        Counting sandboxes = new Counting(docker.provider());
        VerificationSession session = new HybridVerifier(sandboxes, null, HybridConfig.builder()
                .strategy(ExecutionOnly.defaults()).runId("test-session").build()).session(task, tree, null);
        List<CandidatePatch> first = List.of(new CandidatePatch("rollout-1", task.patch(), Map.of("reproduce_issue.py", REPRO)));

        Optional<ExecutionEvidence> gold = session.execution(first, "rollout-1");

        assertTrue(gold.isPresent());
        assertEquals(new ExecutionEvidence(true, 1, 1, 0, gold.get().regressionTotal()), gold.get());
        assertEquals(3, sandboxes.starts.size(), "script on base, base suite, the gold change");

        List<CandidatePatch> second = List.of(first.get(0), CandidatePatch.of("rollout-2", task.patch()),
                CandidatePatch.of("rollout-3", partial));
        assertEquals(gold, session.execution(second, "rollout-2"), "same change, same cluster: nothing runs");
        assertEquals(3, sandboxes.starts.size());

        Verification v = session.verify(second);
        assertEquals(Optional.of("rollout-1"), v.chosen(), v.selection().reasons()::toString);
        assertEquals(4, sandboxes.starts.size(), "only the new change ran");
        assertEquals(TestVerdict.PASS, v.tests().rows().get("rollout-3").reproduction().get("rollout-1-repro"),
                "the partial fix passes the naive example");

        // at the same path as rollout-1's script: each must run its own file
        session.addScripts("testgen-1", Map.of("reproduce_issue.py", REPRO_LTE));
        Verification again = session.verify(second);
        assertEquals(7, sandboxes.starts.size(), "the new script on base, then against each of the two changes");
        assertEquals(List.of("rollout-1-repro", "testgen-1-repro"), again.tests().tests().stream()
                .filter(t -> t.kind() == VerificationTest.Kind.REPRODUCTION).map(Verification.TestInfo::id).toList());
        assertEquals(7, again.compute().sandboxes(), "compute counts the whole session");
        assertEquals(Map.of("rollout-1-repro", TestVerdict.PASS, "testgen-1-repro", TestVerdict.PASS),
                again.tests().rows().get("rollout-1").reproduction());
        assertEquals(Map.of("rollout-1-repro", TestVerdict.PASS, "testgen-1-repro", TestVerdict.FAIL),
                again.tests().rows().get("rollout-3").reproduction(), "the partial fix misses <=1.4");
        assertEquals(Optional.of("rollout-1"), again.chosen());
        assertEquals(v.tests().rows().get("rollout-3").regressionBroken(),
                again.tests().rows().get("rollout-3").regressionBroken(), "regression verdicts reused");
        assertTrue(sandboxes.copies > 0, "without an instance image the tree is copied in");
    }

    @Test
    void sandboxesStartFromTheInstanceImageWithoutCopying() throws Exception {
        Task task = VerspecSample.task();
        Path tree = VerspecSample.tree();
        String image = docker.provider().bakeImage(task.environment().image(), tree, task.environment().workdir(),
                "verify-session-test");
        try {
            Counting sandboxes = new Counting(docker.provider());
            Verification v = new HybridVerifier(sandboxes, null, HybridConfig.builder().strategy(ExecutionOnly.defaults())
                    .runId("test-session").build()).session(task, tree, image)
                    .verify(List.of(new CandidatePatch("r1", task.patch(), Map.of("reproduce_issue.py", REPRO))));

            assertEquals(Optional.of("r1"), v.chosen(), v.selection().reasons()::toString);
            assertEquals(0, sandboxes.copies);
            assertTrue(sandboxes.starts.stream().allMatch(s -> s.image().equals(image)), sandboxes.starts::toString);
        } finally {
            docker.provider().removeImage(image);
        }
    }

    /** Counts sandbox starts and tree copies, delegating everything. */
    static final class Counting implements SandboxProvider {
        final SandboxProvider inner;
        final List<SandboxSpec> starts = new ArrayList<>();
        int copies;

        Counting(SandboxProvider inner) {
            this.inner = inner;
        }

        @Override
        public Sandbox start(SandboxSpec spec) {
            starts.add(spec);
            Sandbox box = inner.start(spec);
            return new Sandbox() {
                @Override public String id() { return box.id(); }
                @Override public SandboxSpec spec() { return box.spec(); }
                @Override public ExecResult exec(ExecRequest request) { return box.exec(request); }
                @Override public byte[] readFile(String path) { return box.readFile(path); }
                @Override public void writeFile(String path, byte[] content) { box.writeFile(path, content); }
                @Override public void copyIn(Path hostDir, String containerDir) { copies++; box.copyIn(hostDir, containerDir); }
                @Override public void copyOut(String containerDir, Path hostDir) { box.copyOut(containerDir, hostDir); }
                @Override public List<String> listFiles(String dir) { return box.listFiles(dir); }
                @Override public void close() { box.close(); }
            };
        }

        @Override
        public int prune(boolean all) {
            return inner.prune(all);
        }

        @Override
        public void close() {
        }
    }
}

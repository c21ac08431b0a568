package dev.fixpoint.verifiers.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.models.ScriptedModel;
import dev.fixpoint.agent.testing.DockerSandboxes;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.verifiers.CandidatePatch;
import dev.fixpoint.verifiers.dedup.BaseFiles;
import dev.fixpoint.verifiers.dedup.CandidateClusterer;
import dev.fixpoint.verifiers.dedup.Clustering;
import dev.fixpoint.verifiers.select.Evidence;
import dev.fixpoint.verifiers.select.ExecutionEvidence;
import dev.fixpoint.verifiers.select.ExecutionOnly;
import dev.fixpoint.verifiers.select.Selection;
import dev.fixpoint.verifiers.select.Selector;
import dev.fixpoint.verifiers.testing.VerspecSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Test generation, the test matrix and execution-only selection on the verspec sample, in real sandboxes. */
@Tag("docker")
class ExecutionPipelineDockerTest {

    @RegisterExtension
    static final DockerSandboxes sandboxes = new DockerSandboxes();

    private static String fenced(String code) {
        return "Here is the test.\n" + VerspecSample.pythonBlock(code);
    }

    @Test
    void generatedTestsFilterOnBaseAndTheMatrixPicksTheGoldPatch() throws Exception {
        Task task = VerspecSample.task();
        Path tree = VerspecSample.tree();
        ScriptedModel model = ScriptedModel.of(
                ScriptedModel.respond(fenced("from verspec import parse_range\n\n"
                        + "def test_partial_upper_bound_covers_patch_releases():\n"
                        + "    assert parse_range(\"1.2 - 1.4\").contains(\"1.4.5\")\n")),
                ScriptedModel.respond(fenced("from verspec import parse_range\n\n"
                        + "def test_lower_bound():\n    assert parse_range(\"1.2 - 1.4\").contains(\"1.2.0\")\n")),
                ScriptedModel.respond(fenced("from verspec import no_such_name\n\ndef test_x():\n    assert no_such_name\n")),
                ScriptedModel.respond("I cannot write a test."));
        String gold = task.patch();
        String breaks = VerspecSample.decoy("breaks_p2p.diff");
        String partial = VerspecSample.decoy("partial.diff");
        List<CandidatePatch> candidates = List.of(
                new CandidatePatch("r0", breaks, Map.of()),
                new CandidatePatch("r1", gold, Map.of("reproduce_issue.py",
                        "from verspec import parse_range\nassert parse_range('1.2 - 1.4').contains('1.4.5')\n")),
                CandidatePatch.of("r2", partial),
                CandidatePatch.of("r3", ""));
        ExecutionVerifier executor = new ExecutionVerifier(sandboxes.provider(), "test-verify", Duration.ofSeconds(60));

        GeneratedTests generated = new TestGenerator(model, executor, 4).generate(task, tree, candidates);

        assertEquals(List.of("gen-1", "r1-repro"), generated.kept().stream().map(VerificationTest::id).toList(),
                generated.discarded()::toString);
        assertEquals(List.of("gen-2: passes on the base code", "gen-3: errors outside the test (import or setup)",
                "gen-4: the answer holds no code block").stream().sorted().toList(),
                generated.discarded().stream().sorted().toList());

        RunResult base = executor.onBase(task, tree, List.of());
        assertTrue(base.passed().isEmpty(), "no result-based test, so the test command did not run");
        List<ChosenTestFile> chosen = RegressionTests.choose(tree, Set.of("verspec/ranges.py"), 8);
        assertEquals("tests/test_ranges.py", chosen.get(0).file(), chosen::toString);
        RunResult baseRun = executor.baseRun(task, tree, chosen.stream().map(ChosenTestFile::file).toList(), null);
        List<VerificationTest> regression = RegressionTests.fromBase(chosen.subList(0, 1), baseRun.passed());
        assertFalse(regression.isEmpty());
        assertTrue(regression.stream().allMatch(t -> t.selector().startsWith("tests/test_ranges.py::")),
                "only tests of the changed module");

        Clustering clustering = new CandidateClusterer().cluster(candidates, path -> {
            try {
                return Files.exists(tree.resolve(path)) ? Optional.of(Files.readString(tree.resolve(path))) : Optional.empty();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        List<VerificationTest> tests = new java.util.ArrayList<>(generated.kept());
        tests.addAll(regression);
        TestMatrix matrix = new ExecutionVerifier(sandboxes.provider(), "test-verify", Duration.ofSeconds(60))
                .verify(task, tree, candidates, clustering, tests);

        ExecutionEvidence goldRow = matrix.evidence("r1");
        assertEquals(new ExecutionEvidence(true, 2, 2, 0, regression.size()), goldRow);
        assertTrue(matrix.evidence("r0").regressionBroken() > 0, matrix.evidence("r0")::toString);
        assertFalse(matrix.evidence("r3").applied());
        assertEquals(3, matrix.sandboxes());

        Selection s = new Selector().select(ExecutionOnly.defaults(),
                Evidence.of(candidates, clustering, matrix.evidence(), Map.of()));
        assertEquals(Optional.of("r1"), s.chosen(), s.reasons()::toString);
        assertTrue(BaseFiles.none() != null);
    }
}

package dev.fixpoint.agent;

import dev.fixpoint.agent.tool.ToolRun;
import dev.fixpoint.agent.trajectory.Step;
import dev.fixpoint.models.ModelResponse;
import dev.fixpoint.models.ScriptedModel;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fixpoint.agent.testing.DockerSandboxes;
import dev.fixpoint.agent.testing.GoldPatch;
import dev.fixpoint.agent.testing.Samples;
import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxSpec;
import dev.fixpoint.tasks.Task;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.fixpoint.models.ScriptedModel.call;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Full rollouts with a scripted model in real Docker sandboxes on one Python and one Java sample: explore,
 * reproduce, apply the gold patch's changes through the edit tool, run the tests, submit. The candidate's patch must
 * touch the gold patch's files, and with the task's test_patch applied on a fresh copy, the tests must pass.
 */
@Tag("docker")
class DockerRolloutTest {

    @RegisterExtension
    static final DockerSandboxes docker = new DockerSandboxes();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void samples() {
        assertTrue(Samples.present(), "sample tasks missing (tasks/samples)");
    }

    @Test
    void pythonSample(@TempDir Path dir) throws Exception {
        Task task = Samples.task("fixpoint-samples__verspec-1");
        String repro = """
                from verspec import parse_range
                r = parse_range('1.2 - 1.4')
                assert r.contains('1.4.5'), str(r)
                print('OK')
                """;
        rollout(task, dir, "verspec/ranges.py", "reproduce_issue.py", repro, "python3 reproduce_issue.py");
    }

    @Test
    void javaSample(@TempDir Path dir) throws Exception {
        Task task = Samples.task("fixpoint-samples__calspan-1");
        String repro = """
                import net.calspan.RangeParser;

                public class ReproduceIssue {
                    public static void main(String[] args) {
                        String r = RangeParser.parse("2024-03").toString();
                        System.out.println(r);
                        if (!r.equals("2024-03-01..2024-03-31")) System.exit(1);
                    }
                }
                """;
        String run = "rm -rf /tmp/repro && mkdir -p /tmp/repro && javac -d /tmp/repro $(find src/main/java -name '*.java') "
                + "&& java -cp /tmp/repro ReproduceIssue.java";
        rollout(task, dir, "src/main/java/net/calspan/RangeParser.java", "ReproduceIssue.java", repro, run);
    }

    private void rollout(Task task, Path dir, String fileToView, String reproName, String repro, String reproRun) throws Exception {
        Path repo = Samples.cloneAtBase(task, dir);
        var script = new ArrayList<ModelResponse>();
        script.add(call("view", json("path", ".")));
        script.add(call("view", json("path", fileToView)));
        if (fileToView.endsWith(".java")) script.add(call("outline", json("path", fileToView)));
        script.add(call("search", json("pattern", fileToView.substring(fileToView.lastIndexOf('/') + 1).replace(".py", "").replace(".java", ""))));
        script.add(call("edit", json("command", "create", "path", reproName, "file_text", repro)));
        script.add(call("bash", json("command", reproRun)));
        for (GoldPatch.FilePatch f : GoldPatch.parse(task.patch())) {
            if (f.created()) {
                script.add(call("edit", json("command", "create", "path", f.path(), "file_text", f.hunks().get(0).newText())));
            } else {
                for (GoldPatch.Hunk h : f.hunks()) {
                    script.add(call("edit", json("command", "str_replace", "path", f.path(), "old_str", h.oldText(), "new_str", h.newText())));
                }
            }
        }
        script.add(call("bash", json("command", reproRun)));
        script.add(call("bash", json("command", task.environment().testCommand())));
        script.add(call("submit", json("summary", "applied the fix")));
        var model = new ScriptedModel("scripted:gold", script);
        var steps = new ArrayList<Step>();

        Candidate c;
        try (Sandbox box = start(task, repo)) {
            c = Agent.builder(model).build().run(task, box, new AgentListener() {
                @Override
                public void onStep(Step step) {
                    steps.add(step);
                }
            });
        }

        assertEquals(Outcome.SUBMITTED, c.outcome(), c.error());
        for (Step s : steps) {
            for (ToolRun r : s.toolRuns()) {
                assertFalse(r.observation().error(), "step " + s.index() + ": " + r.observation().text());
                // the gold edits use only names that exist: the edit checks (on by default) raise no false alarm
                assertFalse(r.observation().text().contains("Static check of") || r.observation().text().contains("not checked"),
                        "step " + s.index() + ": " + r.observation().text());
            }
        }
        String firstRepro = observation(steps, 4 + (fileToView.endsWith(".java") ? 1 : 0));
        assertTrue(firstRepro.contains("[exit code 1]"), "reproduction fails before the fix: " + firstRepro);
        String secondRepro = observation(steps, steps.size() - 2);
        assertFalse(secondRepro.contains("[exit code"), "reproduction passes after the fix: " + secondRepro);
        assertEquals(GoldPatch.files(task.patch()), GoldPatch.files(c.patch()), c.patch());
        assertEquals(List.of(reproName), c.reproduction().stream().map(ReproductionFile::path).toList());
        assertResolved(task, dir, c.patch());
    }

    /** Grades like the harness: base + candidate patch + test patch in a fresh sandbox; all tests must pass. */
    private void assertResolved(Task task, Path dir, String patch) throws Exception {
        Path fresh = Samples.cloneAtBase(task, dir.resolve("grade").toFile().mkdirs() ? dir.resolve("grade") : dir.resolve("grade"));
        try (Sandbox box = start(task, fresh)) {
            box.writeFile("/tmp/candidate.diff", patch.getBytes(StandardCharsets.UTF_8));
            box.writeFile("/tmp/test.diff", task.testPatch().getBytes(StandardCharsets.UTF_8));
            ExecResult apply = box.exec("git -c safe.directory='*' apply /tmp/candidate.diff && git -c safe.directory='*' apply /tmp/test.diff",
                    Duration.ofSeconds(60));
            assertTrue(apply.ok(), apply.combined());
            ExecResult tests = box.exec(task.environment().testCommand() + (task.environment().reportsDir() != null
                    ? "; rc=$?; cat " + task.environment().reportsDir() + "/*.xml; exit $rc" : ""), Duration.ofMinutes(5));
            assertTrue(tests.ok(), tests.combined());
            for (String name : task.failToPass()) {
                String shown = name.contains("#") ? name.substring(name.indexOf('#') + 1) : "PASSED " + name;
                assertTrue(tests.stdout().contains(shown), "FAIL_TO_PASS test " + name + " passed:\n" + tests.stdout());
            }
        }
    }

    private static Sandbox start(Task task, Path repo) {
        Sandbox box = docker.provider().start(SandboxSpec.builder(task.environment().image()).workdir(task.environment().workdir())
                .label("dev.fixpoint.task", task.instanceId()).build());
        try {
            box.copyIn(repo, task.environment().workdir());
            return box;
        } catch (RuntimeException e) {
            box.close();
            throw e;
        }
    }

    private static String observation(List<Step> steps, int index) {
        return steps.get(index).toolRuns().get(0).observation().text();
    }

    private static String json(String... kv) throws Exception {
        var node = JSON.createObjectNode();
        for (int i = 0; i < kv.length; i += 2) node.put(kv[i], kv[i + 1]);
        return JSON.writeValueAsString(node);
    }
}

package dev.fixpoint.verifiers.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fixpoint.verifiers.testing.RecordJson;
import dev.fixpoint.sandbox.ExecRequest;
import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxLabels;
import dev.fixpoint.sandbox.SandboxProvider;
import dev.fixpoint.sandbox.SandboxSpec;
import dev.fixpoint.tasks.env.EnvironmentSpec;
import dev.fixpoint.tasks.env.ResultFormat;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.verifiers.CandidatePatch;
import dev.fixpoint.verifiers.HybridConfig;
import dev.fixpoint.verifiers.HybridVerifier;
import dev.fixpoint.verifiers.Verification;
import dev.fixpoint.verifiers.exec.ChosenTestFile;
import dev.fixpoint.verifiers.select.ExecutionOnly;
import dev.fixpoint.tasks.testing.Trees;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded, relevant verification without Docker: a scripted sandbox provider plays pytest (it answers each run's
 * test command with results of exactly the files the command names, and takes a set wall time per run), so the
 * tests can see every command the session runs, and how the time budget stops it. The same paths run in real
 * sandboxes in {@link HybridVerifierDockerTest} and {@code VerificationSessionDockerTest}.
 */
class BoundedVerificationTest {

    private static final String TEMPLATE = "python3 -m pytest -rA -p no:cacheprovider {test_files}";

    @TempDir
    Path tree;

    @BeforeEach
    void writeTree() throws Exception {
        write("calc/__init__.py", "");
        write("calc/ops.py", "def add(a, b):\n    return a - b\n");
        write("calc/tests/test_ops.py", "from calc.ops import add\n\ndef test_add():\n    assert add(1, 1) == 2\n");
        write("calc/tests/test_misc.py", "def test_misc():\n    pass\n");
        write("other/tests/test_far.py", "def test_far():\n    pass\n");
        write("tools/release.py", "print('release')\n");
    }

    private void write(String path, String content) throws Exception {
        Trees.write(tree, path, content);
    }

    private static Task task(String testCommand, String template) {
        return Task.builder().instanceId("demo__calc-7").repo("demo/calc").baseCommit("abc123")
                .problemStatement("add() subtracts")
                .environment(new EnvironmentSpec("fixpoint/python:latest", "/testbed", List.of(), testCommand,
                        ResultFormat.PYTEST_LOG, null, Duration.ofMinutes(30), Map.of(), template))
                .build();
    }

    /** As the resolver leaves it for a SWE-bench row: {@code {test_files}} filled from the (hidden) test patch. */
    private static Task swebenchLike() {
        return task("python3 -m pytest -rA -p no:cacheprovider calc/tests/test_hidden.py", TEMPLATE);
    }

    private static String patch(String file, String from, String to) {
        return "--- a/" + file + "\n+++ b/" + file + "\n@@ -1,2 +1,2 @@\n def add(a, b):\n-    return " + from
                + "\n+    return " + to + "\n";
    }

    private static HybridConfig.Builder config() {
        return HybridConfig.builder().strategy(ExecutionOnly.defaults()).runId("unit");
    }

    @Test
    void onlyTheChosenFilesRunOnBaseAndOnEveryCandidateAndTheReportSaysWhy() throws Exception {
        ScriptedSandboxes sandboxes = new ScriptedSandboxes(Duration.ZERO);
        List<CandidatePatch> pool = List.of(
                new CandidatePatch("r0", patch("calc/ops.py", "a - b", "a + b"), Map.of("repro.py", "assert True\n")),
                CandidatePatch.of("r1", patch("calc/ops.py", "a - b", "b + a")));

        Verification v = new HybridVerifier(sandboxes, null, config().build()).verify(swebenchLike(), tree, pool);

        List<String> commands = sandboxes.testCommands();
        String chosen = "calc/tests/test_misc.py calc/tests/test_ops.py";
        assertEquals(List.of("python3 -m pytest -rA -p no:cacheprovider " + chosen,
                "python3 -m pytest -rA -p no:cacheprovider " + chosen,
                "python3 -m pytest -rA -p no:cacheprovider " + chosen), commands,
                "the base run and one run per distinct change, each on the chosen files; never the hidden test file");
        assertEquals(List.of(new ChosenTestFile("calc/tests/test_ops.py", List.of("named after calc/ops.py",
                        "imports calc.ops", "same package directory as calc/ops.py")),
                new ChosenTestFile("calc/tests/test_misc.py", List.of("same package directory as calc/ops.py"))),
                v.regression().files());
        assertEquals(List.of("calc/ops.py"), v.regression().changedFiles());
        assertEquals(2, v.regression().passingOnBase());
        assertEquals("python3 -m pytest -rA -p no:cacheprovider " + chosen, v.regression().command());
        assertEquals(List.of(), v.tests().rows().get("r0").regressionBroken());

        ObjectMapper json = RecordJson.mapper();
        String text = json.writeValueAsString(v);
        assertEquals(v, json.readValue(text, Verification.class));
        JsonNode first = json.readTree(text).at("/regression/files/0");
        assertEquals("calc/tests/test_ops.py", first.get("file").asText());
        assertEquals("named after calc/ops.py", first.get("reasons").get(0).asText());
    }

    @Test
    void anEmptySelectionNeverRunsTheBareCommand() {
        ScriptedSandboxes sandboxes = new ScriptedSandboxes(Duration.ZERO);
        List<CandidatePatch> pool = List.of(new CandidatePatch("r0",
                "--- a/tools/release.py\n+++ b/tools/release.py\n@@ -1 +1 @@\n-print('release')\n+print('release 2')\n",
                Map.of("repro.py", "assert True\n")));

        Verification v = new HybridVerifier(sandboxes, null, config().build()).verify(swebenchLike(), tree, pool);

        assertEquals(List.of(), sandboxes.testCommands(), "no regression file, so the test command never ran");
        assertEquals(2, sandboxes.starts.size(), "the script on base, then against r0");
        assertTrue(v.notes().contains("no regression tests: no repository test file relates to the changed files "
                + "tools/release.py (the suite is not run instead)"), v.notes()::toString);
        assertEquals(List.of(), v.regression().files());
        assertEquals(List.of("tools/release.py"), v.regression().changedFiles());

        ScriptedSandboxes none = new ScriptedSandboxes(Duration.ZERO);
        Verification quiet = new HybridVerifier(none, null, config().build()).verify(swebenchLike(), tree,
                List.of(CandidatePatch.of("r0", pool.get(0).patch())));
        assertEquals(0, none.starts.size(), "no script, no related test: no sandbox at all");
        assertTrue(quiet.notes().contains("no test to run: no execution evidence"), quiet.notes()::toString);
    }

    @Test
    void aCommandWithoutTestFilesRunsAsWrittenAndOnlyTheChosenFilesCount() {
        ScriptedSandboxes sandboxes = new ScriptedSandboxes(Duration.ZERO);
        Task task = task("python3 -m pytest -rA calc other", null);

        Verification v = new HybridVerifier(sandboxes, null, config().build()).verify(task, tree,
                List.of(CandidatePatch.of("r0", patch("calc/ops.py", "a - b", "a + b"))));

        assertEquals(List.of("python3 -m pytest -rA calc other", "python3 -m pytest -rA calc other"),
                sandboxes.testCommands());
        assertEquals(2, v.regression().passingOnBase(), "other/tests/test_far.py ran but is not a regression test");
        assertTrue(v.notes().stream().anyMatch(n -> n.startsWith("the test command \"python3 -m pytest -rA calc other\""
                + " takes no {test_files}: it runs as written")), v.notes()::toString);
    }

    @Test
    void aCommandNamingTheGradedTestsIsNotRun() {
        ScriptedSandboxes sandboxes = new ScriptedSandboxes(Duration.ZERO);
        Task task = task("pytest -rA calc/tests/test_hidden.py::test_x", "pytest -rA {fail_to_pass}");

        Verification v = new HybridVerifier(sandboxes, null, config().build()).verify(task, tree,
                List.of(new CandidatePatch("r0", patch("calc/ops.py", "a - b", "a + b"), Map.of("repro.py", "x\n"))));

        assertEquals(List.of(), sandboxes.testCommands());
        assertTrue(v.notes().stream().anyMatch(n -> n.startsWith("no regression tests: the test command "
                + "\"pytest -rA {fail_to_pass}\" names the tests the task is graded by")), v.notes()::toString);
    }

    @Test
    void theBudgetStopsNewRunsAndSelectionUsesWhatItHas() {
        // Every sandbox run takes 2 s; the budget is 5 s: the script on base (2 s), the regression files on base
        // (4 s), r0 (6 s), then nothing more.
        ScriptedSandboxes sandboxes = new ScriptedSandboxes(Duration.ofSeconds(2));
        List<CandidatePatch> pool = List.of(
                new CandidatePatch("r0", patch("calc/ops.py", "a - b", "a + b"), Map.of("repro.py", "assert True\n")),
                CandidatePatch.of("r1", patch("calc/ops.py", "a - b", "b + a")),
                CandidatePatch.of("r2", patch("calc/ops.py", "a - b", "a + b + 0")));

        Verification v = new HybridVerifier(sandboxes, null, config().budget(Duration.ofSeconds(5)).build())
                .verify(swebenchLike(), tree, pool);

        assertEquals(List.of("verify-base", "verify-base-regression", "verify-r0"), sandboxes.starts.stream()
                .map(s -> s.labels().get(SandboxLabels.ROLLOUT)).toList());
        assertEquals(List.of("r0"), List.copyOf(v.tests().rows().keySet()), "r1 and r2 have no row: no evidence");
        assertTrue(v.notes().contains("verification budget of 5 s spent: r1, r2 not run (no execution evidence)"),
                v.notes()::toString);
        assertEquals(java.util.Optional.of("r0"), v.chosen(), v.selection().reasons()::toString);
        assertEquals(List.of(3L, 1L), sandboxes.testTimeouts(), "each test command is bounded by what was left of"
                + " the budget (3 s, then 1 s, less overheads; whole seconds rounded up), not by the environment's 30 minutes");
    }

    @Test
    void aRunCutByTheBudgetIsNoEvidenceWhileOneCutByTheTestTimeoutIs() {
        // 2 s per run, 5 s of budget: the script on base, the regression files on base (3 s left), then r0 with 1 s
        // left, which its test command does not survive.
        ScriptedSandboxes sandboxes = new ScriptedSandboxes(Duration.ofSeconds(2));
        sandboxes.cutBelowSeconds = 2;
        List<CandidatePatch> pool = List.of(new CandidatePatch("r0", patch("calc/ops.py", "a - b", "a + b"),
                Map.of("repro.py", "assert True\n")));

        Verification v = new HybridVerifier(sandboxes, null, config().budget(Duration.ofSeconds(5)).build())
                .verify(swebenchLike(), tree, pool);

        Verification.Row row = v.tests().rows().get("r0");
        assertEquals(List.of(), row.regressionBroken(), "tests the budget cut are not broken");
        assertTrue(row.problem().startsWith("r0: the test command timed out after 1 s (what was left of the "
                + "verification budget)"), row::problem);
        assertEquals(dev.fixpoint.verifiers.exec.TestVerdict.PASS, row.reproduction().get("r0-repro"));

        // The environment's own timeout cutting a candidate's run is evidence: its tests did not pass.
        ScriptedSandboxes hangs = new ScriptedSandboxes(Duration.ZERO);
        hangs.cutBelowSeconds = 2;
        Task shortTimeout = Task.builder().instanceId("demo__calc-8").repo("demo/calc").baseCommit("abc123")
                .environment(new EnvironmentSpec("fixpoint/python:latest", "/testbed", List.of(), "pytest -rA x",
                        ResultFormat.PYTEST_LOG, null, Duration.ofSeconds(1), Map.of(), TEMPLATE)).build();
        Verification w = new HybridVerifier(hangs, null, config().build()).verify(shortTimeout, tree, pool);
        assertTrue(v.regression().passingOnBase() > 0);
        assertEquals(0, w.regression().passingOnBase(), "the base run itself hit the 1 s test timeout: no regression test");
        assertTrue(w.notes().stream().anyMatch(n -> n.contains("the test command timed out after 1 s")
                && !n.contains("budget")), w.notes()::toString);
    }

    /**
     * Plays the sandboxes: each run.sh "runs" for a set time; the test command answers PASSED for every test function
     * of the files it names (read from the host tree), or of every test file under the directories it names; the
     * scripts fail on the base code and pass with a patch.
     */
    final class ScriptedSandboxes implements SandboxProvider {
        final List<SandboxSpec> starts = new ArrayList<>();
        final List<String> scripts = new ArrayList<>();
        private final Duration perRun;
        /** A test command given less than this many seconds "times out" (exit 124, no results). */
        long cutBelowSeconds;

        ScriptedSandboxes(Duration perRun) {
            this.perRun = perRun;
        }

        /** The test command of every run that ran one, in order. */
        List<String> testCommands() {
            List<String> out = new ArrayList<>();
            Matcher m = COMMAND.matcher(String.join("\n", scripts));
            while (m.find()) {
                out.add(m.group(2).replace("'\\''", "'"));
            }
            return out;
        }

        /** The timeout (s) of every test command run, in order. */
        List<Long> testTimeouts() {
            List<Long> out = new ArrayList<>();
            Matcher m = COMMAND.matcher(String.join("\n", scripts));
            while (m.find()) {
                out.add(Long.parseLong(m.group(1)));
            }
            return out;
        }

        @Override
        public Sandbox start(SandboxSpec spec) {
            starts.add(spec);
            Map<String, byte[]> files = new HashMap<>();
            boolean base = spec.labels().get(SandboxLabels.ROLLOUT).startsWith("verify-base");
            return new Sandbox() {
                @Override public String id() { return "scripted-" + starts.size(); }
                @Override public SandboxSpec spec() { return spec; }
                @Override public byte[] readFile(String path) {
                    byte[] b = files.get(path);
                    if (b == null) throw new dev.fixpoint.sandbox.SandboxException("no file " + path);
                    return b;
                }
                @Override public void writeFile(String path, byte[] content) { files.put(path, content); }
                @Override public void copyIn(Path hostDir, String containerDir) { }
                @Override public void copyOut(String containerDir, Path hostDir) { }
                @Override public List<String> listFiles(String dir) { return List.of(); }
                @Override public void close() { }

                @Override
                public ExecResult exec(ExecRequest request) {
                    if (!request.command().startsWith("sh /fixpoint-verify/run.sh")) {
                        return new ExecResult(0, "", "", Duration.ZERO, false, false, false);
                    }
                    String script = new String(files.get("/fixpoint-verify/run.sh"), StandardCharsets.UTF_8);
                    scripts.add(script);
                    try {
                        Thread.sleep(perRun.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    Matcher m = COMMAND.matcher(script);
                    if (m.find()) {
                        boolean cut = Long.parseLong(m.group(1)) < cutBelowSeconds;
                        files.put("/fixpoint-verify/test_output.txt", (cut ? "" : pytest(m.group(2)))
                                .getBytes(StandardCharsets.UTF_8));
                        files.put("/fixpoint-verify/test_exit.txt", (cut ? "124\n" : "0\n").getBytes(StandardCharsets.UTF_8));
                    }
                    StringBuilder log = new StringBuilder();
                    Matcher s = SCRIPT.matcher(script);
                    while (s.find()) {
                        log.append("script ").append(s.group(1)).append(" exit ").append(base ? 1 : 0).append('\n');
                    }
                    files.put("/fixpoint-verify/scripts.txt", log.toString().getBytes(StandardCharsets.UTF_8));
                    return new ExecResult(0, "", "", perRun, false, false, false);
                }
            };
        }

        private String pytest(String command) {
            StringBuilder out = new StringBuilder("=== short test summary info ===\n");
            for (String word : command.split(" ")) {
                Path p = tree.resolve(word);
                try (var walk = Files.exists(p) && !word.isBlank() ? Files.walk(p) : java.util.stream.Stream.<Path>empty()) {
                    for (Path f : walk.filter(x -> x.getFileName().toString().startsWith("test_")
                            && x.toString().endsWith(".py")).sorted().toList()) {
                        String rel = tree.relativize(f).toString();
                        Matcher t = Pattern.compile("(?m)^def (test_\\w+)").matcher(Files.readString(f));
                        while (t.find()) {
                            out.append("PASSED ").append(rel).append("::").append(t.group(1)).append('\n');
                        }
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return out.toString();
        }

        @Override
        public int prune(boolean all) {
            return 0;
        }

        @Override
        public void close() {
        }
    }

    private static final Pattern COMMAND = Pattern.compile("(?m)^timeout -k 5 (\\d+) sh -c '(.*)' > /fixpoint-verify/test_output.txt");
    private static final Pattern SCRIPT = Pattern.compile("(?m)^rc=\\$\\?; echo \"script (\\d+) exit");
}

package dev.fixpoint.solver.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fixpoint.solver.testing.Cli;
import dev.fixpoint.solver.testing.GitHubStub;
import dev.fixpoint.solver.testing.Samples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end on the Python samples (fast to test) with the scripted sessions, real sandboxes and real verification:
 * batch selects the resolving patch among mixed-quality rollouts; a SIGKILLed batch resumes to the same predictions
 * with no leftover containers; budgets stop work; solve on a sample repository makes a patch and a comment and posts
 * it to a GitHub stub; select over two prediction files picks the gold one.
 */
@Tag("docker")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineDockerTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String FILTER = "verspec|tabulite";
    static final List<String> TASKS = List.of("fixpoint-samples__tabulite-1", "fixpoint-samples__verspec-1");
    static Path cache;

    @TempDir
    static Path shared;

    @BeforeAll
    static void sharedCache() {
        cache = shared.resolve("cache");
    }

    static String[] batch(Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("batch", "--tasks", Samples.TASKS.toString(), "--mirrors", Samples.MIRRORS.toString(),
                "--scripted", Samples.SCRIPTS.toString(), "--filter", FILTER, "--cache-dir", cache.toString(), "--out", out.toString()));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    static Map<String, String> predictions(Path out) throws IOException {
        Map<String, String> m = new HashMap<>();
        for (String line : Files.readAllLines(out.resolve("predictions.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            m.put(n.get("instance_id").asText(), n.get("model_patch").asText());
        }
        return m;
    }

    static String rolloutPatch(Path out, String task, int k) throws IOException {
        return JSON.readTree(out.resolve("tasks/" + task + "/rollouts/" + k + "/candidate.json").toFile()).get("patch").asText();
    }

    static List<String> containers(String runId) throws Exception {
        Process p = new ProcessBuilder("docker", "ps", "-aq", "--filter", "label=dev.fixpoint.run=" + runId).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(30, TimeUnit.SECONDS);
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    @Test
    @Order(1)
    void batchSelectsTheResolvingPatchAmongMixedRollouts() throws Exception {
        Path out = shared.resolve("full");
        var r = Cli.run(shared.resolve("log-full"), Map.of(), Duration.ofMinutes(6), batch(out, "--rollouts", "4", "--workers", "2", "--run-id", "t-full"));
        assertEquals(0, r.exit(), r.stderr() + r.stdout());
        assertTrue(r.stdout().contains("scripted"), "the output says the model is scripted: " + r.stdout());
        Map<String, String> preds = predictions(out);
        assertEquals(TASKS.size(), preds.size());
        for (String task : TASKS) {
            // rollout 1 is the partial decoy, 2 breaks passing tests, 3 and 4 apply the gold fix (4 without comments):
            // the decoys come first, so position alone would pick a wrong patch
            assertEquals(rolloutPatch(out, task, 3), preds.get(task), task + ": chose the gold cluster's first member");
            JsonNode sel = JSON.readTree(out.resolve("tasks/" + task + "/selection.json").toFile());
            assertEquals("SELECTED", sel.get("status").asText());
            assertTrue(sel.get("scripted").asBoolean());
            assertTrue(sel.get("rollouts").get(0).get("model").asText().startsWith("scripted:"));
            assertTrue(Files.size(out.resolve("tasks/" + task + "/rollouts/2/trajectory.jsonl")) > 0);
            // review before submit (on by default): the scripted fixers' first submit got the review, the second submitted
            assertTrue(Files.readString(out.resolve("tasks/" + task + "/rollouts/1/trajectory.jsonl")).contains("Review before submitting"));
            // prompts per role, tools per language (both samples are Python repositories)
            JsonNode fixer = JSON.readTree(Files.readAllLines(out.resolve("tasks/" + task + "/rollouts/1/trajectory.jsonl")).get(0));
            String fixerSystem = fixer.get("messages").get(0).get("text").asText();
            assertTrue(fixerSystem.contains("3. Fix. Edit the source files") && fixerSystem.contains("a Python repository")
                    && !fixerSystem.contains("{{"), fixerSystem);
            assertEquals("[\"bash\",\"view\",\"search\",\"edit\",\"outline\",\"find_symbol\",\"submit\"]", fixer.get("tools").toString());
            JsonNode writer = JSON.readTree(Files.readAllLines(out.resolve("tasks/" + task + "/testgen/1.jsonl")).get(0));
            String writerSystem = writer.get("messages").get(0).get("text").asText();
            assertTrue(writerSystem.contains("You do not fix the issue") && !writerSystem.contains("Fix. Edit"), writerSystem);
            assertTrue(writer.get("messages").get(1).get("text").asText().startsWith("Write a reproduction test"));
        }
        JsonNode run = JSON.readTree(out.resolve("run.json").toFile());
        assertEquals(2, run.get("totals").get("selected").asInt());
        assertTrue(containers("t-full").isEmpty(), "no container left");
    }

    @Test
    @Order(2)
    void theInstanceImageHoldsTheRealBaseCommitAndRolloutPatchesApplyToAFreshCheckout() throws Exception {
        Path out = shared.resolve("full");
        for (String task : TASKS) {
            String base = sampleBase(task);
            String image = dev.fixpoint.solver.prepare.InstancePreparer.imageName(sampleTask(task));
            String inside = docker("run", "--rm", "--network", "none", image, "sh", "-c",
                    "cd /testbed && git -c safe.directory='*' rev-parse --verify " + base + "^{commit}"
                            + " && git -c safe.directory='*' status --porcelain");
            assertEquals(base + "\n", inside, task + ": git in the instance image resolves the base commit, tree clean");

            Path fresh = shared.resolve("fresh-" + task);
            String name = task.substring(task.indexOf("__") + 2, task.lastIndexOf('-'));
            git(shared, "clone", "-q", Samples.DIR.resolve("repos/" + name + ".bundle").toString(), fresh.toString());
            git(fresh, "checkout", "-q", base);
            for (int k = 1; k <= 4; k++) {
                String patch = rolloutPatch(out, task, k);
                assertTrue(patch.contains("diff --git"), task + " rollout " + k + " made a patch");
                Path file = shared.resolve("rollout-" + task + "-" + k + ".diff");
                Files.writeString(file, patch);
                git(fresh, "apply", "--check", file.toString());
            }
        }
    }

    static dev.fixpoint.tasks.Task sampleTask(String id) {
        return dev.fixpoint.tasks.TaskLoader.strict().load(Samples.TASKS).tasks().stream()
                .filter(t -> t.instanceId().equals(id)).findFirst().orElseThrow();
    }

    static String docker(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("docker"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ":\n" + out);
        return out;
    }

    @Test
    @Order(3)
    void killedBatchResumesToTheSamePredictionsWithoutLeftovers() throws Exception {
        Path out = shared.resolve("killed");
        String[] args = batch(out, "--rollouts", "4", "--workers", "1", "--run-id", "t-kill");
        Process p = Cli.start(shared.resolve("log-kill-1"), Map.of(), args);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while ((finishedRollouts(out) < 3 || finishedTestWriters(out).isEmpty()) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(p.isAlive(), "the batch was still running when killed");
        p.destroyForcibly().waitFor();
        long finishedBefore = finishedRollouts(out);
        assertTrue(finishedBefore >= 3 && !Files.exists(out.resolve("predictions.jsonl")) || predictions(out).size() < TASKS.size());
        Map<Path, String> testWritersBefore = finishedTestWriters(out);
        assertFalse(testWritersBefore.isEmpty(), "a test-writing session finished before the kill");

        java.time.Instant resumed = java.time.Instant.now();
        var r = Cli.run(shared.resolve("log-kill-2"), Map.of(), Duration.ofMinutes(6), args);
        assertEquals(0, r.exit(), r.stderr() + r.stdout());
        // sessions started by the resumed run, from docker's event log: none of the test writers finished before the kill
        List<String> started = sessionsStarted("t-kill", resumed, java.time.Instant.now());
        for (Path f : testWritersBefore.keySet()) {
            String task = f.getParent().getParent().getFileName().toString();
            String session = "testgen-" + f.getFileName().toString().replace(".result.json", "");
            assertFalse(started.contains(task + " " + session), task + " " + session + " finished before the kill and was run again: " + started);
            assertEquals(testWritersBefore.get(f), Files.readString(f), f + " unchanged");
        }
        assertFalse(started.isEmpty(), "the resumed run's sessions show in docker's event log");
        JsonNode run = JSON.readTree(out.resolve("run.json").toFile());
        assertTrue(run.get("rollouts").get("reused_from_earlier_run").asInt() + run.get("totals").get("finished_in_earlier_run").asInt() > 0,
                "finished work was reused: " + run);
        assertEquals(predictions(shared.resolve("full")), predictions(out), "same predictions as the uninterrupted run");
        assertTrue(containers("t-kill").isEmpty(), "containers of the killed run were pruned");
    }

    /** Each finished test-writing session's result file and content. */
    static Map<Path, String> finishedTestWriters(Path out) throws IOException {
        Map<Path, String> m = new HashMap<>();
        if (!Files.exists(out.resolve("tasks"))) return m;
        try (Stream<Path> s = Files.walk(out.resolve("tasks"))) {
            for (Path f : s.filter(f -> f.getFileName().toString().endsWith(".result.json")).toList()) m.put(f, Files.readString(f));
        }
        return m;
    }

    /** "task session" of every container of the run created between the two instants (docker's event log). */
    static List<String> sessionsStarted(String runId, java.time.Instant since, java.time.Instant until) throws Exception {
        String out = docker("events", "--since", epoch(since), "--until", epoch(until), "--filter", "type=container",
                "--filter", "event=create", "--filter", "label=dev.fixpoint.run=" + runId,
                "--format", "{{index .Actor.Attributes \"dev.fixpoint.task\"}} {{index .Actor.Attributes \"dev.fixpoint.rollout\"}}");
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    static String epoch(java.time.Instant t) {
        return String.format("%d.%09d", t.getEpochSecond(), t.getNano());
    }

    static long finishedRollouts(Path out) throws IOException {
        if (!Files.exists(out.resolve("tasks"))) return 0;
        try (Stream<Path> s = Files.walk(out.resolve("tasks"))) {
            return s.filter(f -> f.getFileName().toString().equals("candidate.json")).count();
        }
    }

    @Test
    @Order(4)
    void budgetStopsLaunchingAndSaysSo() throws Exception {
        Path out = shared.resolve("budget");
        var r = Cli.run(shared.resolve("log-budget"), Map.of(), Duration.ofMinutes(4),
                batch(out, "--rollouts", "4", "--workers", "1", "--limit", "1", "--budget-tokens", "60000", "--run-id", "t-budget"));
        assertEquals(ExitCodes.BUDGET, r.exit(), r.stderr() + r.stdout());
        JsonNode run = JSON.readTree(out.resolve("run.json").toFile());
        assertEquals(1, run.get("totals").get("budget_exhausted").asInt(), run.toString());
        assertTrue(run.get("rollouts").get("skipped_by_budget").asInt() > 0, run.toString());
        assertTrue(run.get("spend").get("exhausted").asText().contains("run budget exhausted"), run.toString());
        assertFalse(Files.exists(out.resolve("predictions.jsonl")) && !Files.readString(out.resolve("predictions.jsonl")).isBlank(),
                "no prediction for an unfinished task");
    }

    @Test
    @Order(5)
    void theBotOnALabelledIssuePostsOneCommentAndOneDraftPullRequestAndUpdatesThemOnARerun() throws Exception {
        Path repo = shared.resolve("verspec");
        String base = sampleBase("fixpoint-samples__verspec-1");
        git(shared, "clone", "-q", Samples.DIR.resolve("repos/verspec.bundle").toString(), repo.toString());
        git(repo, "checkout", "-q", base);
        // the sample's scripted sessions, in the flat layout solve --help documents
        Path scripts = shared.resolve("solve-scripts");
        copyTree(Samples.SCRIPTS.resolve("fixpoint-samples__verspec-1"), scripts);
        String issueText = Files.readString(Samples.DIR.resolve("issues/verspec.md"));
        int nl = issueText.indexOf('\n');
        // what GitHub Actions hands a workflow triggered by labelling issue 12 "fixpoint"
        Path event = shared.resolve("event.json");
        Files.writeString(event, JSON.createObjectNode().put("action", "labeled")
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("label", JSON.createObjectNode().put("name", "fixpoint"))
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("issue", JSON.createObjectNode().put("number", 12)
                        .put("title", issueText.substring(0, nl)).put("body", issueText.substring(nl + 1)))
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("repository", JSON.createObjectNode().put("full_name", "acme/verspec")
                        .put("clone_url", "https://github.com/acme/verspec.git")).toString());
        try (GitHubStub stub = GitHubStub.start("t0ken-for-tests").knowsCommit(base)) {
            for (int run = 1; run <= 2; run++) {
                Path out = shared.resolve("solve-" + run);
                var r = Cli.run(shared.resolve("log-solve-" + run), Map.of("GITHUB_TOKEN", "t0ken-for-tests"), Duration.ofMinutes(5),
                        "solve", "--github-event", event.toString(), "--repo", repo.toString(), "--scripted", scripts.toString(),
                        "--rollouts", "4", "--workers", "2", "--cache-dir", cache.toString(), "--out", out.toString(),
                        "--post", "--pull-request", "--github-api-url", stub.url());
                assertEquals(0, r.exit(), r.stderr() + r.stdout());
                assertTrue(Files.readString(out.resolve("patch.diff")).contains("verspec/ranges.py"));
                String comment = Files.readString(out.resolve("comment.md"));
                assertTrue(comment.contains("suggests a fix") && comment.contains("scripted") && comment.contains("```diff"), comment);
                assertTrue(comment.contains("made this same change") && comment.contains("written to reproduce the issue"), comment);
                assertFalse(comment.contains("cluster") || comment.contains("0.000"), "no internal terms: " + comment);
                assertTrue(comment.contains(stub.url() + "/pull/"), "the comment links the draft pull request: " + comment);
                assertTrue(r.stdout().contains("posted:") && r.stdout().contains("pull request:"), r.stdout());
                assertFalse(r.stdout().contains("t0ken") || r.stderr().contains("t0ken"), "the token is never printed");
                assertEquals(1, stub.comments().size(), "run " + run + ": one comment, updated by the rerun");
                assertEquals(1, stub.pulls().size(), "run " + run + ": one pull request, updated by the rerun");
            }
            GitHubStub.Pull pr = stub.pulls().get(0);
            assertTrue(pr.draft() && pr.head().equals("fixpoint/issue-12") && pr.base().equals("main"), pr.toString());
            assertTrue(pr.title().startsWith("Fix #12: Hyphen range"), pr.title());
            Map<String, String> files = stub.branchFiles("fixpoint/issue-12");
            Path patched = repoWith(base, Files.readString(shared.resolve("solve-2/patch.diff")));
            assertEquals(Files.readString(patched.resolve("verspec/ranges.py")), files.get("verspec/ranges.py"),
                    "the branch holds the patched file");
            assertTrue(stub.requests().stream().anyMatch(q -> q.method().equals("PATCH") && q.path().matches(".*/issues/comments/\\d+")),
                    "the rerun updated the comment");
        }
    }

    /** A checkout of the verspec sample at {@code base} with {@code patch} applied by git. */
    private Path repoWith(String base, String patch) throws Exception {
        Path dir = shared.resolve("verspec-patched");
        git(shared, "clone", "-q", Samples.DIR.resolve("repos/verspec.bundle").toString(), dir.toString());
        git(dir, "checkout", "-q", base);
        Path file = shared.resolve("chosen.diff");
        Files.writeString(file, patch);
        git(dir, "apply", file.toString());
        return dir;
    }

    @Test
    @Order(6)
    void selectOverTwoPredictionFilesPicksTheResolvingOne() throws Exception {
        Path p1 = shared.resolve("partial.jsonl"), p2 = shared.resolve("gold.jsonl");
        StringBuilder partial = new StringBuilder(), gold = new StringBuilder();
        for (String task : TASKS) {
            partial.append(JSON.createObjectNode().put("instance_id", task).put("model_name_or_path", "sys-a")
                    .put("model_patch", Files.readString(Samples.DIR.resolve("decoys/" + task + "/partial.diff")))).append('\n');
            gold.append(JSON.createObjectNode().put("instance_id", task).put("model_name_or_path", "sys-b")
                    .put("model_patch", sampleGold(task))).append('\n');
        }
        Files.writeString(p1, partial);
        Files.writeString(p2, gold);
        Path out = shared.resolve("select");
        var r = Cli.run(shared.resolve("log-select"), Map.of(), Duration.ofMinutes(5), "select", "--tasks", Samples.TASKS.toString(),
                "--mirrors", Samples.MIRRORS.toString(), "--scripted", Samples.SCRIPTS.toString(), "--cache-dir", cache.toString(),
                "--candidates", p1.toString(), p2.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.stderr() + r.stdout());
        Map<String, String> chosen = predictions(out);
        for (String task : TASKS) assertEquals(sampleGold(task), chosen.get(task), task);
    }

    static String sampleGold(String task) throws IOException {
        return sampleRow(task).get("patch").asText();
    }

    static String sampleBase(String task) throws IOException {
        return sampleRow(task).get("base_commit").asText();
    }

    static JsonNode sampleRow(String task) throws IOException {
        for (String line : Files.readAllLines(Samples.TASKS)) {
            JsonNode n = JSON.readTree(line);
            if (n.get("instance_id").asText().equals(task)) return n;
        }
        throw new AssertionError("no sample " + task);
    }

    static void git(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).inheritIO().start();
        assertEquals(0, p.waitFor(), String.join(" ", cmd));
    }

    static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path f : s.toList()) Files.copy(f, to.resolve(f.getFileName().toString()));
        }
    }
}

package dev.fixpoint.solver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fixpoint.solver.testing.DockerDaemon;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code fixpoint eval} on the bundled samples (tasks/samples) against the real Docker daemon. One --gold run is
 * shared by the gold, regrade and resume assertions; the other predictions files get one run each.
 */
@Tag("docker")
@ExtendWith(DockerDaemon.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvalCommandDockerTest {

    static final Path SAMPLES = Path.of("..", "tasks", "samples").toAbsolutePath().normalize();
    static final ObjectMapper JSON = new ObjectMapper();

    Path tmp;
    Path cache;
    List<JsonNode> tasks;
    Path goldOut;
    int goldExit;

    @BeforeAll
    void goldRun() throws Exception {
        assertTrue(Files.isRegularFile(SAMPLES.resolve("tasks.jsonl")), "sample tasks missing: " + SAMPLES.resolve("tasks.jsonl"));
        tmp = Files.createTempDirectory("eval-cli-test");
        cache = tmp.resolve("cache");
        tasks = new ArrayList<>();
        for (String line : Files.readAllLines(SAMPLES.resolve("tasks.jsonl"))) {
            if (!line.isBlank()) tasks.add(JSON.readTree(line));
        }
        ownLeftover = leftover("eval-cli-test");
        otherLeftover = leftover("eval-cli-test-other");
        goldOut = tmp.resolve("gold");
        goldExit = eval(goldOut, "--gold");
    }

    String ownLeftover;
    String otherLeftover;

    /** A container as a killed eval of {@code run} leaves it: Fixpoint's labels, an owner process that is gone. */
    static String leftover(String run) throws IOException, InterruptedException {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String host = Files.readString(Path.of("/etc/hostname")).trim();
        Process p = new ProcessBuilder("docker", "create", "--label", "dev.fixpoint.managed=true",
                "--label", "dev.fixpoint.run=" + run, "--label", "dev.fixpoint.owner=" + host + ":" + gone.pid(),
                "fixpoint/base:latest", "true").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String id = new String(p.getInputStream().readAllBytes()).trim();
        assertEquals(0, p.waitFor(), "docker create");
        return id;
    }

    static boolean containerExists(String id) throws IOException, InterruptedException {
        return new ProcessBuilder("docker", "inspect", id).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
    }

    @Test
    void aRerunRemovesWhatAKilledEvalOfTheSameRunLeftAndNothingOfOtherRuns() throws Exception {
        assertFalse(containerExists(ownLeftover), "the same run's leftover is removed at start");
        assertTrue(containerExists(otherLeftover), "another run's container is not touched");
        new ProcessBuilder("docker", "rm", "-f", otherLeftover).start().waitFor();
    }

    @AfterAll
    void cleanUp() throws IOException {
        if (tmp == null) return;
        try (Stream<Path> s = Files.walk(tmp)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** Whether a Docker daemon answers ({@link DockerDaemon#answers}), for the classes that check it themselves. */
    List<String> args(Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("eval", "--tasks", SAMPLES.resolve("tasks.jsonl").toString(),
                "--mirrors", SAMPLES.resolve("mirrors.json").toString(), "--cache", cache.toString(),
                "--workers", "2", "--out", out.toString(), "--no-progress", "--run-id", "eval-cli-test"));
        a.addAll(List.of(extra));
        return a;
    }

    int eval(Path out, String... extra) {
        return Main.run(args(out, extra).toArray(String[]::new));
    }

    JsonNode summary(Path out) throws IOException {
        return JSON.readTree(out.resolve("summary.json").toFile());
    }

    JsonNode report(Path out, String id) throws IOException {
        return JSON.readTree(out.resolve(id).resolve("report.json").toFile()).get(id);
    }

    Path predictions(String name, Map<String, String> patches) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : patches.entrySet()) {
            ObjectNode row = JSON.createObjectNode();
            row.put("instance_id", e.getKey());
            row.put("model_name_or_path", name);
            row.put("model_patch", e.getValue());
            sb.append(JSON.writeValueAsString(row)).append('\n');
        }
        Path f = tmp.resolve(name + ".jsonl");
        Files.writeString(f, sb);
        return f;
    }

    Map<String, String> snapshot(Path out) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".json")
                    && !p.getFileName().toString().equals("run.json")).sorted().toList()) {
                m.put(out.relativize(p).toString(), Files.readString(p));
            }
        }
        return m;
    }

    @Test
    @Order(1)
    void goldResolvesEverything() throws IOException {
        assertEquals(0, goldExit);
        JsonNode s = summary(goldOut);
        assertEquals(tasks.size(), s.get("total_instances").asInt());
        assertEquals(tasks.size(), s.get("resolved_instances").asInt(), s.toPrettyString());
        for (JsonNode t : tasks) {
            JsonNode r = report(goldOut, t.get("instance_id").asText());
            assertTrue(r.get("resolved").asBoolean());
            assertEquals("git_apply", r.get("apply_step").asText());
            assertEquals(t.get("FAIL_TO_PASS").size(), r.at("/tests_status/FAIL_TO_PASS/success").size());
            assertEquals(t.get("PASS_TO_PASS").size(), r.at("/tests_status/PASS_TO_PASS/success").size());
        }
    }

    @Test
    @Order(2)
    void regradeReproducesIdenticalReports() throws IOException {
        Map<String, String> before = snapshot(goldOut);
        assertEquals(0, eval(goldOut, "--gold", "--regrade"));
        assertEquals(before, snapshot(goldOut));
    }

    @Test
    @Order(3)
    void emptyPredictionsResolveNothing() throws IOException {
        Map<String, String> empty = new LinkedHashMap<>();
        tasks.forEach(t -> empty.put(t.get("instance_id").asText(), ""));
        Path out = tmp.resolve("empty");
        assertEquals(0, eval(out, "--predictions", predictions("empty", empty).toString()));
        JsonNode s = summary(out);
        assertEquals(0, s.get("resolved_instances").asInt());
        assertEquals(tasks.size(), s.get("empty_patch_instances").asInt());
        assertEquals("empty_patch", report(out, tasks.get(0).get("instance_id").asText()).get("status").asText());
    }

    @Test
    @Order(4)
    void goldPatchOfAnotherTaskResolvesNothing() throws IOException {
        Map<String, String> crossed = new LinkedHashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            crossed.put(tasks.get(i).get("instance_id").asText(), tasks.get((i + 1) % tasks.size()).get("patch").asText());
        }
        Path out = tmp.resolve("crossed");
        assertEquals(0, eval(out, "--predictions", predictions("crossed", crossed).toString()));
        JsonNode s = summary(out);
        assertEquals(0, s.get("resolved_instances").asInt(), s.toPrettyString());
        assertEquals(tasks.size(), s.get("completed_instances").asInt());
        for (String id : crossed.keySet()) {
            JsonNode r = report(out, id);
            assertFalse(r.get("resolved").asBoolean());
            assertTrue(r.get("message").asText().contains("did not apply")
                    || r.get("status").asText().equals("unresolved"), r.toPrettyString());
        }
    }

    /** The Python tasks (seconds each) plus the first Java one: keeps the suite quick while covering both. */
    List<String> quickIds() {
        List<String> ids = new ArrayList<>();
        boolean java = false;
        for (JsonNode t : tasks) {
            boolean isJava = format(t).equals("junit_xml");
            if (!isJava || !java) ids.add(t.get("instance_id").asText());
            java |= isJava;
        }
        return ids;
    }

    /** The task's result format: its row's environment, else tasks/samples/environments.yaml's (via the loader). */
    String format(JsonNode row) {
        return dev.fixpoint.tasks.TaskLoader.strict().load(SAMPLES.resolve("tasks.jsonl")).tasks().stream()
                .filter(t -> t.instanceId().equals(row.get("instance_id").asText())).findFirst().orElseThrow()
                .environment().resultFormat().name().toLowerCase();
    }

    List<String> pythonIds() {
        return tasks.stream().filter(t -> format(t).equals("pytest_log"))
                .map(t -> t.get("instance_id").asText()).toList();
    }

    @Test
    @Order(5)
    void partialFixesAreGradedPartialOrUnresolved() throws IOException {
        Map<String, String> partial = new LinkedHashMap<>();
        for (String id : quickIds()) {
            partial.put(id, Files.readString(SAMPLES.resolve("decoys").resolve(id).resolve("partial.diff")));
        }
        Path out = tmp.resolve("partial");
        assertEquals(0, eval(out, "--predictions", predictions("partial", partial).toString()));
        int partials = 0;
        for (String id : partial.keySet()) {
            JsonNode r = report(out, id);
            assertFalse(r.get("resolved").asBoolean(), id);
            String status = r.get("status").asText();
            assertTrue(status.equals("partial") || status.equals("unresolved"), id + ": " + status);
            // Some FAIL_TO_PASS test still fails: that is what makes a fix partial.
            assertTrue(r.at("/tests_status/FAIL_TO_PASS/failure").size() > 0, id);
            if (status.equals("partial")) {
                partials++;
                assertEquals("RESOLVED_PARTIAL", r.get("resolution").asText());
                assertTrue(r.at("/tests_status/FAIL_TO_PASS/success").size() > 0, id);
                assertEquals(0, r.at("/tests_status/PASS_TO_PASS/failure").size(), id);
            }
        }
        assertTrue(partials > 0, "no decoy was graded partial");
    }

    @Test
    @Order(6)
    void killedRunResumesWithoutRedoingFinishedInstances() throws Exception {
        Path out = tmp.resolve("killed");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        List<String> a = args(out, "--gold");
        a.set(a.indexOf("--workers") + 1, "1");
        a.add("--instance");
        a.addAll(pythonIds());
        cmd.addAll(a);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("killed.log").toFile()).start();
        Path firstReport = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (firstReport == null && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(100);
            if (Files.isDirectory(out)) {
                try (Stream<Path> s = Files.walk(out)) {
                    firstReport = s.filter(f -> f.getFileName().toString().equals("report.json")).findFirst().orElse(null);
                }
            }
        }
        assertTrue(firstReport != null, "no report appeared: " + Files.readString(tmp.resolve("killed.log")));
        p.destroy(); // SIGTERM, as a user's Ctrl-C or a CI timeout would
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertFalse(Files.exists(out.resolve("summary.json")), "the run finished before it was killed");
        FileTime firstTime = Files.getLastModifiedTime(firstReport);
        String firstText = Files.readString(firstReport, StandardCharsets.UTF_8);
        long reportsBefore;
        try (Stream<Path> s = Files.walk(out)) {
            reportsBefore = s.filter(f -> f.getFileName().toString().equals("report.json")).count();
        }
        assertTrue(reportsBefore < pythonIds().size());

        List<String> again = new ArrayList<>(List.of("--gold", "--instance"));
        again.addAll(pythonIds());
        assertEquals(0, eval(out, again.toArray(String[]::new)));
        assertEquals(firstTime, Files.getLastModifiedTime(firstReport));
        assertEquals(firstText, Files.readString(firstReport, StandardCharsets.UTF_8));
        assertEquals(pythonIds().size(), summary(out).get("resolved_instances").asInt());
    }
}

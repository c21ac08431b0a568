package dev.fixpoint.solver.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fixpoint.solver.testing.Cli;
import dev.fixpoint.solver.testing.Samples;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Candidate patch states end to end (issue 12: four right fixes came out as "4 x empty patch"). A batch on one sample
 * task with three scripted rollouts under {@code max_patch_bytes: 4 MiB}: the gold fix plus a 1.3 MiB data file (a
 * patch over the sandbox's 1 MiB exec output cap), a 5 MiB change (over the limit) and no change. The first is read
 * whole, selected and applies to a fresh checkout; the second is TOO_LARGE with its size; the third NO_CHANGE;
 * {@code selection.json} and the HTML report show each candidate's state and message.
 */
@Tag("docker")
class CandidateStatesDockerTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TASK = "fixpoint-samples__verspec-1";
    static final String GOLD_SCRIPT = "rollout-3.json";

    @Test
    void selectionReportShowsEveryCandidatesPatchState(@TempDir Path dir) throws Exception {
        Path scripts = dir.resolve("scripts/" + TASK);
        Files.createDirectories(scripts);
        Path samples = Samples.SCRIPTS.resolve(TASK);
        // 1: the gold fix and a data file: the patch is over the exec output cap (1 MiB), under the patch limit
        ObjectNode gold = (ObjectNode) JSON.readTree(samples.resolve(GOLD_SCRIPT).toFile());
        ArrayNode steps = (ArrayNode) gold.get("responses");
        steps.insert(steps.size() - 1, bash(write("verspec/table.txt", 48_000)));
        gold.put("model", "scripted:states/large-gold");
        Files.writeString(scripts.resolve("rollout-1.json"), JSON.writeValueAsString(gold));
        // 2: a change over the limit; 3: no change
        Files.writeString(scripts.resolve("rollout-2.json"), script("scripted:states/too-large", bash(write("verspec/blob.txt", 180_000))));
        Files.writeString(scripts.resolve("rollout-3.json"), script("scripted:states/nothing", bash("git status --short")));
        for (String t : List.of("testgen-1.json", "testgen-2.json")) Files.copy(samples.resolve(t), scripts.resolve(t));
        Path config = dir.resolve("fixpoint.yaml");
        Files.writeString(config, "max_patch_bytes: " + (4L << 20) + "\n");
        Path out = dir.resolve("out");

        var r = Cli.run(dir.resolve("log"), Map.of(), Duration.ofMinutes(8), "batch", "--tasks", Samples.TASKS.toString(),
                "--mirrors", Samples.MIRRORS.toString(), "--scripted", dir.resolve("scripts").toString(), "--filter", "verspec",
                "--cache-dir", dir.resolve("cache").toString(), "--out", out.toString(), "--config", config.toString(),
                "--rollouts", "3", "--workers", "2", "--run-id", "t-states");
        assertEquals(0, r.exit(), r.stderr() + r.stdout());

        JsonNode sel = JSON.readTree(out.resolve("tasks/" + TASK + "/selection.json").toFile());
        JsonNode rollouts = sel.get("rollouts");
        assertEquals(3, rollouts.size());
        JsonNode large = rollouts.get(0), tooLarge = rollouts.get(1), nothing = rollouts.get(2);
        assertEquals("CHANGED", large.get("patch_status").asText(), large.toString());
        assertTrue(large.get("patch_chars").asInt() > 1 << 20, "over the exec output cap: " + large);
        assertTrue(large.get("patch_message").asText().matches("patch of 1\\.\\d MiB"), large.toString());
        assertEquals("TOO_LARGE", tooLarge.get("patch_status").asText(), tooLarge.toString());
        assertEquals(0, tooLarge.get("patch_chars").asInt());
        assertTrue(tooLarge.get("patch_message").asText().matches("patch is 5\\.\\d MiB \\(\\d+ bytes, 1 file: verspec/blob.txt\\), "
                + "over the 4 MiB limit \\(max_patch_bytes\\)"), tooLarge.toString());
        assertEquals("NO_CHANGE", nothing.get("patch_status").asText(), nothing.toString());
        assertEquals("no change: the diff against the base commit is empty", nothing.get("patch_message").asText());
        List<String> clusterStates = new ArrayList<>();
        sel.get("clusters").forEach(c -> clusterStates.add(c.get("state").asText()));
        assertEquals(List.of("APPLIES", "TOO_LARGE", "EMPTY"), clusterStates);

        assertEquals("SELECTED", sel.get("status").asText(), sel.get("reasons").toString());
        assertEquals("rollout-1", sel.get("chosen").asText());
        String shipped = Files.readString(out.resolve("tasks/" + TASK + "/patch.diff"));
        assertEquals(JSON.readTree(out.resolve("tasks/" + TASK + "/rollouts/1/candidate.json").toFile()).get("patch").asText(), shipped);
        assertApplies(dir, shipped);

        var page = Cli.run(dir.resolve("log-report"), Map.of(), Duration.ofMinutes(2), "report", out.toString());
        assertEquals(0, page.exit(), page.stderr());
        JsonNode details = JSON.readTree(taskBlob(Files.readString(out.resolve("report.html"))));
        List<String> shown = new ArrayList<>();
        details.get("candidates").forEach(c -> shown.add(c.get("patchStatus").asText() + ": " + c.get("patchMessage").asText()));
        assertEquals(3, shown.size(), shown.toString());
        assertTrue(shown.get(0).startsWith("CHANGED: patch of 1."), shown.toString());
        assertEquals("TOO_LARGE: " + tooLarge.get("patch_message").asText(), shown.get(1));
        assertEquals("NO_CHANGE: " + nothing.get("patch_message").asText(), shown.get(2));
    }

    /** The page's one task's details: a script element of base64 gzipped JSON. */
    private static String taskBlob(String html) throws Exception {
        Matcher m = Pattern.compile("<script type=\"[^\"]+\" id=\"task-\\d+\">([A-Za-z0-9+/=]*)</script>").matcher(html);
        assertTrue(m.find(), "the page has a task blob");
        try (var in = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A fresh clone of the sample at its base commit takes the shipped patch. */
    private static void assertApplies(Path dir, String patch) throws Exception {
        JsonNode task = null;
        for (String line : Files.readAllLines(Samples.TASKS)) {
            JsonNode n = JSON.readTree(line);
            if (n.get("instance_id").asText().equals(TASK)) task = n;
        }
        Path fresh = dir.resolve("fresh");
        git(dir, "clone", "-q", Samples.DIR.resolve("repos/verspec.bundle").toString(), fresh.toString());
        git(fresh, "checkout", "-q", task.get("base_commit").asText());
        Files.writeString(dir.resolve("shipped.diff"), patch);
        git(fresh, "apply", "--check", dir.resolve("shipped.diff").toString());
    }

    private static void git(Path cwd, String... args) throws Exception {
        var cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "git " + cmd);
        assertEquals(0, p.exitValue(), "git " + String.join(" ", args) + ": " + output);
    }

    /** A shell command writing {@code rows} lines of ~29 bytes to {@code path}. */
    private static String write(String path, int rows) {
        return "python3 -c \"open('" + path + "', 'w').write(''.join('row %d of a generated table\\n' % i for i in range("
                + rows + ")))\"";
    }

    private static ObjectNode bash(String command) {
        ObjectNode step = JSON.createObjectNode().put("text", "Running a command.");
        step.putArray("tool_calls").addObject().put("name", "bash").putObject("arguments").put("command", command);
        step.putObject("usage").put("input", 1000).put("output", 50);
        return step;
    }

    private static String script(String model, ObjectNode step) throws Exception {
        ObjectNode s = JSON.createObjectNode().put("model", model).put("label", model);
        ArrayNode responses = s.putArray("responses");
        responses.add(step);
        ObjectNode submit = JSON.createObjectNode().put("text", "Done.");
        submit.putArray("tool_calls").addObject().put("name", "submit").putObject("arguments").put("summary", "done");
        submit.putObject("usage").put("input", 1000).put("output", 20);
        responses.add(submit);
        responses.add(submit.deepCopy()); // confirms the submit after its review (review_submit is on by default)
        return JSON.writeValueAsString(s);
    }
}

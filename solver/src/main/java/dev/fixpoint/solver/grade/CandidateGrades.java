package dev.fixpoint.solver.grade;

import dev.fixpoint.solver.report.TaskRun;
import com.google.common.hash.Hashing;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fixpoint.solver.SolverException;
import dev.fixpoint.solver.run.AtomicFiles;
import dev.fixpoint.solver.run.RunJson;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Harness grades of candidate patches, cached in a batch run directory as {@code report/grades.json}:
 * {@code {"grades": {"<instance_id>": {"<sha-256 of the patch>": {status, resolved, message, tests}}}}}. Keyed by
 * patch text, so identical candidates are graded once and a re-run grades only new patches. Thread-safe.
 */
public final class CandidateGrades {

    public static final String FILE = "report/grades.json";

    private final Map<String, Map<String, PatchGrade>> grades = new TreeMap<>();

    public static CandidateGrades empty() {
        return new CandidateGrades();
    }

    /** The cache of a run directory, empty when it has none. */
    public static CandidateGrades load(Path runRoot) {
        Path file = runRoot.resolve(FILE);
        CandidateGrades g = new CandidateGrades();
        if (!Files.isRegularFile(file)) return g;
        JsonNode n = RunJson.read(file);
        try {
            n.path("grades").fields().forEachRemaining(task -> task.getValue().fields().forEachRemaining(p -> {
                JsonNode b = p.getValue();
                Map<String, PatchGrade.TestResult> tests = new TreeMap<>();
                b.path("tests").fields().forEachRemaining(t -> tests.put(t.getKey(),
                        new PatchGrade.TestResult(t.getValue().path("list").asText(), t.getValue().path("passed").asBoolean())));
                g.put(task.getKey(), p.getKey(), new PatchGrade(b.path("status").asText(), b.path("resolved").asBoolean(), tests,
                        b.path("message").asText("")));
            }));
        } catch (RuntimeException e) {
            throw new SolverException(file + ": not a grade cache: " + e.getMessage(), e);
        }
        return g;
    }

    public synchronized void save(Path runRoot) {
        ObjectNode root = RunJson.mapper().createObjectNode();
        ObjectNode all = root.putObject("grades");
        grades.forEach((task, byPatch) -> {
            ObjectNode t = all.putObject(task);
            byPatch.forEach((sha, g) -> {
                ObjectNode o = t.putObject(sha).put("status", g.status()).put("resolved", g.resolved()).put("message", g.message());
                ObjectNode tests = o.putObject("tests");
                g.tests().forEach((name, r) -> tests.putObject(name).put("list", r.list()).put("passed", r.passed()));
            });
        });
        AtomicFiles.write(runRoot.resolve(FILE), RunJson.pretty(root, "the grade cache"));
    }

    public synchronized void put(String instanceId, String patchSha, PatchGrade grade) {
        grades.computeIfAbsent(instanceId, k -> new TreeMap<>()).put(patchSha, grade);
    }

    public synchronized Optional<PatchGrade> of(String instanceId, String patch) {
        return Optional.ofNullable(grades.getOrDefault(instanceId, Map.of()).get(sha(patch)));
    }

    public synchronized boolean isEmpty() {
        return grades.isEmpty();
    }

    /** Whether every candidate of the task has a grade. */
    public synchronized boolean covers(TaskRun task) {
        return !task.rollouts().isEmpty() && task.rollouts().stream().allMatch(r -> of(task.instanceId(), r.patch()).isPresent());
    }

    public static String sha(String patch) {
        return Hashing.sha256().hashString(patch, StandardCharsets.UTF_8).toString();
    }
}

package dev.fixpoint.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that happened while evaluating one instance, before grading: saved as {@code run.json} next to the
 * raw test output, and the only input (with the task's test lists) from which {@code report.json} is built.
 *
 * @param instanceId      task id
 * @param modelNameOrPath who made the patch
 * @param phase           how far evaluation got: {@link EvalStatus#EMPTY_PATCH}, {@link EvalStatus#PATCH_FAILED},
 *                        {@link EvalStatus#ERROR}, {@link EvalStatus#INVALID}, or {@link EvalStatus#UNRESOLVED}
 *                        meaning "tests ran, grade them"
 * @param patchIsNone     the prediction's patch was JSON null
 * @param applyStep       which fallback step applied the model patch
 * @param message         what went wrong, naming the step and exit code; empty when nothing did
 * @param duration        wall time of the whole instance (all attempts)
 * @param attempts        test runs, in order
 * @param baseline        the directory (relative to the instance directory, {@code /}-separated) of the run of the
 *                        same tests on base + test patch only ({@link Baselines}), made because this run's log held
 *                        no test result; empty when there is none
 */
public record InstanceRun(String instanceId, String modelNameOrPath, EvalStatus phase, boolean patchIsNone,
                          ApplyStep applyStep, String message, Duration duration, List<Attempt> attempts,
                          String baseline) {


    public InstanceRun {
        message = message == null ? "" : message;
        attempts = List.copyOf(attempts == null ? List.of() : attempts);
        duration = duration == null ? Duration.ZERO : duration.truncatedTo(ChronoUnit.MILLIS);
        baseline = baseline == null ? "" : baseline;
    }

    /** A run with no baseline run. */
    public InstanceRun(String instanceId, String modelNameOrPath, EvalStatus phase, boolean patchIsNone,
                       ApplyStep applyStep, String message, Duration duration, List<Attempt> attempts) {
        this(instanceId, modelNameOrPath, phase, patchIsNone, applyStep, message, duration, attempts, "");
    }

    /** This run with its baseline run's directory ({@code /}-separated, relative to the instance directory). */
    public InstanceRun withBaseline(String directory) {
        return new InstanceRun(instanceId, modelNameOrPath, phase, patchIsNone, applyStep, message, duration, attempts,
                directory);
    }

    /** Sum of the test commands' own wall times. */
    public Duration testDuration() {
        return attempts.stream().map(Attempt::testDuration).reduce(Duration.ZERO, Duration::plus);
    }

    /** run.json text. */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instance_id", instanceId);
        m.put("model_name_or_path", modelNameOrPath);
        m.put("phase", phase.json());
        m.put("patch_is_None", patchIsNone);
        m.put("apply_step", applyStep.json());
        m.put("message", message);
        m.put("duration_ms", duration.toMillis());
        List<Object> as = new ArrayList<>();
        for (Attempt a : attempts) {
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("number", a.number());
            am.put("exit_code", a.exitCode());
            am.put("timed_out", a.timedOut());
            am.put("test_duration_ms", a.testDuration().toMillis());
            am.put("output_file", a.outputFile());
            am.put("result_files", a.resultFiles());
            am.put("error", a.error());
            am.put("phases_ms", new LinkedHashMap<String, Object>(a.phases()));
            as.add(am);
        }
        m.put("attempts", as);
        if (!baseline.isEmpty()) m.put("baseline", baseline);
        return Json.write(m);
    }

    /** Reads run.json text. */
    public static InstanceRun fromJson(String json) throws IOException {
        JsonNode n = Json.mapper().readTree(json);
        List<Attempt> attempts = new ArrayList<>();
        for (JsonNode a : n.path("attempts")) {
            List<String> files = new ArrayList<>();
            a.path("result_files").forEach(f -> files.add(f.asText()));
            Map<String, Long> phases = new LinkedHashMap<>();
            a.path("phases_ms").fields().forEachRemaining(e -> phases.put(e.getKey(), e.getValue().asLong()));
            attempts.add(new Attempt(a.path("number").asInt(), a.path("exit_code").asInt(),
                    a.path("timed_out").asBoolean(), Duration.ofMillis(a.path("test_duration_ms").asLong()),
                    a.path("output_file").asText(), files, a.path("error").asText(), phases));
        }
        return new InstanceRun(n.path("instance_id").asText(), n.path("model_name_or_path").asText(),
                EvalStatus.fromJson(n.path("phase").asText()), n.path("patch_is_None").asBoolean(),
                ApplyStep.fromJson(n.path("apply_step").asText()), n.path("message").asText(),
                Duration.ofMillis(n.path("duration_ms").asLong()), attempts, n.path("baseline").asText(""));
    }
}

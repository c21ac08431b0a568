package dev.fixpoint.verifiers.bench;

import dev.fixpoint.sandbox.SandboxProvider;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.verifiers.VerifierException;
import dev.fixpoint.harness.EvalStatus;
import dev.fixpoint.harness.InstanceEvaluator;
import dev.fixpoint.harness.InstanceReport;
import dev.fixpoint.harness.InstanceRun;
import dev.fixpoint.harness.predictions.Prediction;
import dev.fixpoint.harness.ReportBuilder;
import dev.fixpoint.harness.SourceTrees;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Grades candidates the way a leaderboard does, with the harness: the task's test patch, then FAIL_TO_PASS and
 * PASS_TO_PASS in a fresh sandbox. Each distinct patch text of a task is graded once. A grading that ends in an
 * infrastructure error stops the bench: a wrong grade would make every number below it meaningless.
 */
final class BenchGrader {

    /** The harness's verdict on one candidate. */
    record Grade(EvalStatus status, Duration duration) {
        boolean resolved() {
            return status == EvalStatus.RESOLVED;
        }
    }

    private final InstanceEvaluator evaluator;
    private final Path work;
    private final Map<String, Grade> grades = new HashMap<>();
    private Duration spent = Duration.ZERO;

    BenchGrader(SandboxProvider sandboxes, SourceTrees trees, Path work) {
        this.evaluator = new InstanceEvaluator(sandboxes, trees, "bench-select-grade", null, 1);
        this.work = work;
    }

    Grade grade(Task task, String candidateId, String patch) throws IOException, InterruptedException {
        String key = task.instanceId() + "\u0000" + patch;
        Grade cached = grades.get(key);
        if (cached != null) {
            return cached;
        }
        Path dir = work.resolve(task.instanceId()).resolve(candidateId);
        InstanceRun run = evaluator.evaluate(task, new Prediction(task.instanceId(), "bench:" + candidateId, patch), dir);
        InstanceReport report = ReportBuilder.build(run, task.failToPass(), task.passToPass(),
                task.environment().resultFormat(), dir);
        if (report.status() == EvalStatus.ERROR) {
            throw new VerifierException(task.instanceId() + ": grading " + candidateId + " failed: " + report.message());
        }
        Grade grade = new Grade(report.status(), run.duration());
        spent = spent.plus(run.duration());
        grades.put(key, grade);
        return grade;
    }

    /** Wall time of every grading run so far. */
    Duration spent() {
        return spent;
    }
}

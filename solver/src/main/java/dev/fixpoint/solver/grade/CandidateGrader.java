package dev.fixpoint.solver.grade;

import dev.fixpoint.solver.report.BatchRun;
import dev.fixpoint.solver.report.TaskRun;
import dev.fixpoint.solver.SolverException;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.harness.InstanceEvaluator;
import dev.fixpoint.harness.InstanceReport;
import dev.fixpoint.harness.InstanceRun;
import dev.fixpoint.harness.predictions.Prediction;
import dev.fixpoint.harness.ReportBuilder;
import dev.fixpoint.harness.DaemonThreads;
import dev.fixpoint.harness.ReportFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

/**
 * Grades every distinct candidate patch of a batch run with the evaluation harness (fresh sandbox, the task's
 * FAIL_TO_PASS / PASS_TO_PASS tests), so that the report can say which candidates resolve. Each graded patch keeps
 * the harness's files under {@code report/grades/<instance>/<sha12>/}; the grades go into {@link CandidateGrades}
 * (saved after each one, so an interrupted grading resumes). Patches already in the cache are not graded again. A
 * candidate whose test log holds no result is checked against its instance's baseline (the tests without any patch,
 * run once per instance and shared by its candidates, in {@code report/grades/<instance>/baseline/}).
 */
public final class CandidateGrader {

    private static final Logger log = LoggerFactory.getLogger(CandidateGrader.class);

    private static final String GRADES = "report/grades";

    private final InstanceEvaluator evaluator;
    private final int workers;

    public CandidateGrader(InstanceEvaluator evaluator, int workers) {
        if (workers < 1) throw new IllegalArgumentException("workers must be at least 1, not: " + workers);
        this.evaluator = evaluator;
        this.workers = workers;
    }

    /** One patch to grade. */
    record Job(Task task, String patch, String sha) {}

    /**
     * Grades what the cache lacks; {@code progress} is told (instance, status) after each patch.
     *
     * @return how many patches were graded now
     */
    public int grade(BatchRun run, Map<String, Task> tasks, CandidateGrades cache, BiConsumer<String, String> progress)
            throws InterruptedException {
        List<Job> jobs = jobs(run, tasks, cache);
        // one baseline per instance for all its candidates whose test log holds no result
        InstanceEvaluator graded = evaluator.withBaselines(run.root().resolve(GRADES));
        ExecutorService pool = Executors.newFixedThreadPool(workers, DaemonThreads.named("report-grader"));
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (Job job : jobs) {
                futures.add(pool.submit(() -> {
                    PatchGrade g = gradeOne(graded, run.root(), job);
                    cache.put(job.task().instanceId(), job.sha(), g);
                    cache.save(run.root());
                    progress.accept(job.task().instanceId(), g.status());
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new SolverException("grading candidates failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            throw e;
        } finally {
            pool.shutdown();
        }
        return jobs.size();
    }

    /** Distinct patches of every task that the cache lacks; tasks missing from {@code tasks} are an error. */
    static List<Job> jobs(BatchRun run, Map<String, Task> tasks, CandidateGrades cache) {
        List<Job> jobs = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (TaskRun t : run.tasks()) {
            Map<String, String> distinct = new LinkedHashMap<>();
            t.rollouts().forEach(r -> distinct.putIfAbsent(CandidateGrades.sha(r.patch()), r.patch()));
            for (var e : distinct.entrySet()) {
                if (cache.of(t.instanceId(), e.getValue()).isPresent()) continue;
                Task task = tasks.get(t.instanceId());
                if (task == null) {
                    unknown.add(t.instanceId());
                    break;
                }
                jobs.add(new Job(task, e.getValue(), e.getKey()));
            }
        }
        if (!unknown.isEmpty()) {
            throw new SolverException("the task file has no row for " + unknown.size() + " task(s) of the run, e.g. " + unknown.get(0)
                    + "; pass the run's task file with --tasks");
        }
        return jobs;
    }

    private static PatchGrade gradeOne(InstanceEvaluator evaluator, Path runRoot, Job job)
            throws IOException, InterruptedException {
        Task task = job.task();
        Path dir = ReportFiles.instanceDir(runRoot.resolve(GRADES), task.instanceId()).resolve(job.sha().substring(0, 12));
        InstanceRun run = evaluator.evaluate(task, new Prediction(task.instanceId(), "candidate", job.patch()), dir);
        ReportFiles.writeAtomically(dir.resolve(ReportFiles.RUN), run.toJson());
        InstanceReport report = ReportBuilder.write(task, run, dir);
        log.info("{}: candidate {}: {}", task.instanceId(), job.sha().substring(0, 12), report.status().json());
        return PatchGrade.fromReport(report.toJson(), dir.resolve(ReportFiles.REPORT).toString()).getValue();
    }
}

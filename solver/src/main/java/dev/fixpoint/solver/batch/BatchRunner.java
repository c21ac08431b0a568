package dev.fixpoint.solver.batch;

import dev.fixpoint.harness.predictions.Prediction;
import dev.fixpoint.solver.run.RunReport;
import dev.fixpoint.solver.Pipeline;
import dev.fixpoint.solver.PipelineListener;
import dev.fixpoint.solver.SolverException;
import dev.fixpoint.solver.TaskOutcome;
import dev.fixpoint.solver.run.RunDirectory;
import dev.fixpoint.tasks.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a list of tasks through the pipeline into a run directory: tasks already finished there (a prediction is
 * recorded) are skipped, the others are solved a few at a time; each final outcome's prediction is appended as
 * soon as the task is done, and the run report is rewritten after every task. An ERROR (or an exhausted budget) gets
 * no prediction, so that a harness does not count it as an empty attempt and a re-run retries it.
 */
public final class BatchRunner {

    private static final Logger log = LoggerFactory.getLogger(BatchRunner.class);

    /** The result of a batch. */
    public record Result(List<TaskOutcome> outcomes, List<String> previouslyFinished, Duration wallTime) {
        public boolean anyBudgetExhausted() {
            return outcomes.stream().anyMatch(o -> o.status() == TaskOutcome.Status.BUDGET_EXHAUSTED);
        }

        public boolean anyError() {
            return outcomes.stream().anyMatch(o -> o.status() == TaskOutcome.Status.ERROR);
        }

        /** Some task ended in error because the model failed. */
        public boolean anyModelFailure() {
            return outcomes.stream().anyMatch(TaskOutcome::modelFailure);
        }
    }

    private final Pipeline pipeline;
    private final RunDirectory runDir;
    private final RunReport report;
    private final int tasksInFlight;

    public BatchRunner(Pipeline pipeline, RunDirectory runDir, RunReport report, int tasksInFlight) {
        this.pipeline = pipeline;
        this.runDir = runDir;
        this.report = report;
        this.tasksInFlight = tasksInFlight;
    }

    public Result run(List<Task> tasks, PipelineListener listener) throws InterruptedException {
        Instant start = Instant.now();
        List<String> previously = tasks.stream().map(Task::instanceId).filter(runDir::finished).toList();
        if (!previously.isEmpty()) log.info("{} of {} tasks finished in an earlier run: not redone", previously.size(), tasks.size());
        List<TaskOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        report.write(runDir, outcomes, previously, start, false);
        ExecutorService taskPool = Executors.newFixedThreadPool(tasksInFlight, r -> {
            Thread t = new Thread(r, "fixpoint-task");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Task task : tasks) {
                if (runDir.finished(task.instanceId())) continue;
                futures.add(taskPool.submit(() -> {
                    TaskOutcome o = pipeline.solve(task, runDir.task(task.instanceId()), listener);
                    if (o.isFinal()) {
                        runDir.addPrediction(new Prediction(o.instanceId(), pipeline.models().label(), o.patch()));
                    }
                    outcomes.add(o);
                    report.write(runDir, outcomes, previously, start, false);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new SolverException("a task failed unexpectedly: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            taskPool.shutdownNow();
        }
        report.write(runDir, outcomes, previously, start, true);
        return new Result(List.copyOf(outcomes), previously, Duration.between(start, Instant.now()));
    }
}

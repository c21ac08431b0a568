package dev.fixpoint.solver.cli;

import dev.fixpoint.models.Budget;
import dev.fixpoint.solver.PipelineListener;
import dev.fixpoint.solver.TaskOutcome;
import dev.fixpoint.solver.run.RolloutRecord;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.math.RoundingMode;
import java.util.concurrent.atomic.AtomicInteger;

/** The batch's progress bar on stderr: rollouts done of planned, elapsed and ETA (the bar's own), tasks done, spend. */
final class BatchProgress implements PipelineListener, AutoCloseable {

    private final ProgressBar bar;
    private final Budget budget;
    private final int tasks;
    private final AtomicInteger tasksDone = new AtomicInteger();
    private final String model;

    BatchProgress(int tasks, int rolloutsPlanned, Budget budget, String model) {
        this.tasks = tasks;
        this.budget = budget;
        this.model = model;
        this.bar = new ProgressBarBuilder().setTaskName("rollouts").setInitialMax(rolloutsPlanned)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000).setMaxRenderedLength(120).build();
        refresh();
    }

    @Override
    public void onRolloutFinished(String instanceId, RolloutRecord rollout, boolean reused) {
        bar.step();
        refresh();
    }

    @Override
    public void onRolloutsSkipped(String instanceId, int count, String why) {
        bar.stepBy(count);
        refresh();
    }

    @Override
    public void onTaskFinished(TaskOutcome outcome) {
        tasksDone.incrementAndGet();
        if (outcome.status() == TaskOutcome.Status.ERROR) bar.stepBy(Math.max(0, outcome.planned() - outcome.ran() - outcome.reused()));
        refresh();
    }

    private void refresh() {
        Budget.Spend s = budget.spent();
        String usd = s.unpricedModels().isEmpty() ? "$" + s.usd().setScale(2, RoundingMode.HALF_UP) : "$" + s.usd().setScale(2, RoundingMode.HALF_UP) + "+?";
        bar.setExtraMessage(" tasks " + tasksDone.get() + "/" + tasks + " | " + usd + " | " + (s.tokens() / 1000) + "k tok | " + model);
    }

    @Override
    public void close() {
        bar.close();
    }
}

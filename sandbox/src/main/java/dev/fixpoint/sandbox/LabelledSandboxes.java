package dev.fixpoint.sandbox;

import java.util.Map;

/**
 * A provider whose sandboxes carry Fixpoint's {@link SandboxLabels} (run, task, rollout, owner), so that what a run
 * left behind can be found and removed by label: the Docker provider's containers and the Kubernetes provider's pods.
 */
public interface LabelledSandboxes extends SandboxProvider {

    /** The run id this provider labels its sandboxes with. */
    String runId();

    /**
     * Removes the sandboxes carrying all of {@code labels} whose owner process is gone (every one of them if
     * {@code all}); returns how many.
     */
    int prune(boolean all, Map<String, String> labels);

    /** {@link #prune(boolean, Map)} over every Fixpoint sandbox. */
    @Override
    default int prune(boolean all) {
        return prune(all, Map.of());
    }

    /**
     * Removes the sandboxes of this provider's run whose owner process is gone: what a killed earlier invocation of
     * the same run (same run id, e.g. the same run directory) left. Sandboxes of other runs, and live ones of this run
     * (the same run started twice), are never touched: {@code fixpoint sandbox prune} removes the others.
     */
    default int pruneLeftovers() {
        return prune(false, Map.of(SandboxLabels.RUN, runId()));
    }
}

package dev.fixpoint.sandbox;

import java.util.List;

/** Label keys every Fixpoint container carries, so that leftovers of a crashed run can be found and removed. */
public final class SandboxLabels {
    /** Present on every container Fixpoint starts; value: "true". */
    public static final String MANAGED = "dev.fixpoint.managed";
    /** Id of the run (one process invocation, or a user-given run name). */
    public static final String RUN = "dev.fixpoint.run";
    public static final String TASK = "dev.fixpoint.task";
    public static final String ROLLOUT = "dev.fixpoint.rollout";
    /** "host:pid" of the JVM that started the container; prune removes those whose process is gone. */
    public static final String OWNER = "dev.fixpoint.owner";
    /** Every label above. */
    public static final List<String> ALL = List.of(MANAGED, RUN, TASK, ROLLOUT, OWNER);

    private SandboxLabels() {}
}

package dev.fixpoint.solver.cli;

/**
 * Exit codes of the solver commands (batch, solve, select, images, config):
 * <ul>
 *   <li>0: done (batch: every task has a prediction; solve/select: a patch was chosen)</li>
 *   <li>1: failure: infrastructure (Docker, git, I/O) or some tasks ended in error</li>
 *   <li>2: bad usage: unknown flag, bad value, unreadable task or config file</li>
 *   <li>3: no model: neither --model (with its key in the environment) nor --scripted</li>
 *   <li>4: abstained: no candidate was confident enough (solve, select), nothing to ship</li>
 *   <li>5: budget exhausted before every task was done (batch, solve); re-run with more budget to continue</li>
 *   <li>130: interrupted</li>
 * </ul>
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int NO_MODEL = 3;
    public static final int ABSTAINED = 4;
    public static final int BUDGET = 5;
    public static final int INTERRUPTED = 130;

    public static final String HELP = "%nExit codes: 0 done, 1 failure (infrastructure or tasks in error), 2 bad usage, "
            + "3 no model configured, 4 abstained (no confident patch), 5 budget exhausted, 130 interrupted.";

    private ExitCodes() {}
}

package dev.fixpoint.solver.cli;

/**
 * Exit codes of the {@code fixpoint} commands. Each command's {@code --help} lists the ones it can return, built from
 * the {@code *_LINE} texts here so that a code means the same everywhere:
 * <ul>
 *   <li>0: done (batch: every task has a prediction; solve/select: a patch was chosen)</li>
 *   <li>1: failure: infrastructure (Docker, git, I/O) or some tasks ended in error</li>
 *   <li>2: bad usage: unknown flag, bad value, unreadable task or config file</li>
 *   <li>3: no model: neither --model (with its key in the environment) nor --scripted</li>
 *   <li>4: abstained: no candidate was confident enough (solve, select), nothing to ship</li>
 *   <li>5: budget exhausted before every task was done (batch, solve); re-run with more budget to continue</li>
 *   <li>6: the model failed: it did not answer the check made before any work (unreachable, key rejected, model not
 *       found), or some task ended in error because it stopped answering (no prediction is recorded for that task);
 *       fix the model, then re-run the same command with the same output directory: finished tasks are kept, errored
 *       ones are retried</li>
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
    public static final int MODEL_FAILED = 6;
    public static final int INTERRUPTED = 130;

    /** Heading of every command's exit code list. */
    static final String HEADING = "%nExit codes:%n";
    static final String FAILURE_LINE = "1:failure: infrastructure (Docker, git, I/O)";
    static final String USAGE_LINE = "2:bad usage: unknown flag, bad value, unreadable task or config file";
    static final String NO_MODEL_LINE = "3:no model: neither --model (with its key in the environment) nor --scripted";
    static final String ABSTAINED_LINE = "4:abstained: no candidate was confident enough, nothing to ship";
    static final String BUDGET_LINE = "5:budget exhausted before every task was done; re-run with more budget to continue";
    static final String MODEL_FAILED_LINE = "6:the model failed: it did not answer a one-line check before any work "
            + "(unreachable, key rejected, model not found), or it stopped answering and some task ended in error "
            + "(no prediction recorded for it). Fix the model, then re-run the same command with the same --out: "
            + "finished tasks are kept, errored ones are retried";
    static final String INTERRUPTED_LINE = "130:interrupted";
    /** Of the commands that only group subcommands. */
    static final String NO_SUBCOMMAND_LINE = "2:no subcommand given, or bad usage";

    private ExitCodes() {}
}

package dev.fixpoint.solver.cli;

import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.solver.SolverException;
import dev.fixpoint.tasks.TaskException;
import dev.fixpoint.tasks.WorkspaceException;

import java.util.concurrent.Callable;

/**
 * Turns the errors a user can act on into one line on stderr and an exit code (no stack trace): bad input is 2,
 * infrastructure is 1, interruption 130. Anything else propagates (a bug: picocli prints the trace).
 */
final class Guard {
    private Guard() {}

    static int run(String command, Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (WorkspaceException e) {
            System.err.println("fixpoint " + command + ": " + e.getMessage());
            return e.reason() == WorkspaceException.Reason.BAD_LOCATION ? ExitCodes.USAGE : ExitCodes.FAILURE;
        } catch (TaskException | IllegalArgumentException e) {
            System.err.println("fixpoint " + command + ": " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (SolverException | SandboxException e) {
            System.err.println("fixpoint " + command + ": " + e.getMessage());
            return ExitCodes.FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("fixpoint " + command + ": interrupted");
            return ExitCodes.INTERRUPTED;
        }
    }
}

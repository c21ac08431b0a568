package dev.fixpoint.solver.cli;

import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.solver.SolverException;
import dev.fixpoint.solver.config.ConfigException;
import dev.fixpoint.tasks.TaskException;
import dev.fixpoint.tasks.git.WorkspaceException;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * Turns the errors a user can act on into one line on stderr and an exit code (no stack trace): bad input is 2,
 * infrastructure is 1, no model 3, a model that does not answer 6, interruption 130. Anything else propagates (a bug: picocli prints the trace).
 */
final class Guard {
    private Guard() {}

    static int run(String command, Callable<Integer> body) throws Exception {
        return run(new PrintWriter(System.err, true), command, body);
    }

    static int run(PrintWriter err, String command, Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (WorkspaceException e) {
            err.println("fixpoint " + command + ": " + e.getMessage());
            return e.reason() == WorkspaceException.Reason.BAD_LOCATION ? ExitCodes.USAGE : ExitCodes.FAILURE;
        } catch (TaskException | IllegalArgumentException | ConfigException e) {
            err.println("fixpoint " + command + ": " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (NoModelException e) {
            err.println("fixpoint " + command + ": " + e.getMessage());
            return ExitCodes.NO_MODEL;
        } catch (ModelUnavailableException e) {
            err.println("fixpoint " + command + ": " + e.getMessage());
            return ExitCodes.MODEL_FAILED;
        } catch (SolverException | SandboxException e) {
            err.println("fixpoint " + command + ": " + e.getMessage());
            return ExitCodes.FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("fixpoint " + command + ": interrupted");
            return ExitCodes.INTERRUPTED;
        } finally {
            err.flush();
        }
    }
}

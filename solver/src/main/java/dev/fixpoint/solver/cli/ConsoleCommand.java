package dev.fixpoint.solver.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * What the commands that write to picocli's streams share (eval, tasks validate, report, env list): {@code -v}, and
 * how they run: logging set up first, then the command's work with picocli's out and err writers (which tests
 * capture). Its {@code @Command} attributes (--help/--version, the exit-code heading) are every subclass's.
 */
@Command(mixinStandardHelpOptions = true, exitCodeListHeading = ExitCodes.HEADING)
abstract class ConsoleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Logging logging = new Logging();

    @Override
    public final Integer call() throws Exception {
        logging.apply();
        return execute(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** The command's work, once logging is set up; returns the exit code. */
    abstract int execute(PrintWriter out, PrintWriter err) throws Exception;
}

package dev.fixpoint.solver.cli;

import dev.fixpoint.models.Redactor;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fixpoint} command line. Each subcommand is its own class in this package. */
@Command(
        name = "fixpoint",
        mixinStandardHelpOptions = true,
        version = "fixpoint 0.1.0",
        description = "Resolves software issues with parallel LLM rollouts in Docker sandboxes, and grades predictions.",
        subcommands = {
            CommandLine.HelpCommand.class,
            BatchCommand.class,
            SolveCommand.class,
            SelectCommand.class,
            ImagesCommand.class,
            ConfigCommand.class,
            EvalCommand.class,
            EnvCommand.class,
            ReportCommand.class,
            SandboxCommand.class,
            TasksCommand.class,
            MergeCommand.class,
            K8sCommand.class,
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"2:no command given, or bad usage (each command's --help lists its own exit codes)"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.setOut(Redactor.redacting(System.out));
        System.setErr(Redactor.redacting(System.err));
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (for tests). */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (see fixpoint --help)");
    }
}

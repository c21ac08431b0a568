package dev.fixpoint.solver.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;

/**
 * A command that only groups subcommands (env, tasks, images, config, k8s): given none, it is a usage error (exit 2)
 * that names them. Its {@code @Command} attributes (--help/--version, the exit codes) are every subclass's.
 */
@Command(mixinStandardHelpOptions = true, exitCodeListHeading = ExitCodes.HEADING, exitCodeList = ExitCodes.NO_SUBCOMMAND_LINE)
abstract class GroupCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public final void run() {
        List<String> names = new ArrayList<>(spec.subcommands().keySet());
        String last = names.remove(names.size() - 1);
        String choice = names.isEmpty() ? last : String.join(", ", names) + " or " + last;
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: " + choice
                + " (see " + spec.qualifiedName() + " --help)");
    }
}

package dev.fixpoint.solver.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * What the commands that run the pipeline (batch, solve, select) share: the run options ({@link RunOptions}),
 * {@code --run-id}, {@code -v}, and how they run: logging set up first, user errors turned into one line and an exit
 * code ({@link Guard}).
 */
abstract class PipelineCommand implements Callable<Integer> {

    @Option(names = "--run-id", paramLabel = "ID", description = "label of this run's containers (default: derived from --out)")
    String runId;

    @Mixin
    RunOptions run;

    @Mixin
    Logging logging = new Logging();

    private final String name;

    PipelineCommand(String name) {
        this.name = name;
    }

    @Override
    public final Integer call() throws Exception {
        logging.apply();
        return Guard.run(name, this::execute);
    }

    /** The command's work, once logging is set up; its exceptions are turned into exit codes by {@link Guard}. */
    abstract Integer execute() throws Exception;

    /** The label of this run's containers: {@code --run-id}, else derived from the command and its output directory. */
    String runId(Path out) {
        return runId != null ? runId : RunSetup.derivedRunId(name, out);
    }
}

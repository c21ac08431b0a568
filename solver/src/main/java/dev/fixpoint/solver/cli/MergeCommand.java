package dev.fixpoint.solver.cli;

import dev.fixpoint.solver.SolverException;
import dev.fixpoint.solver.run.RunMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code fixpoint merge}: the run directories of a sharded batch merged into one (see {@link RunMerge}). */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Merges the run directories of the shards of one batch (fixpoint batch --shard i/n --out DIR, one per "
                + "shard) into one run directory, as one unsharded run writes it: predictions.jsonl (ordered by instance id), "
                + "tasks/<id>/ (selection reports, trajectories, candidates) and run.json (totals, rollouts and spend summed; "
                + "the shards listed under \"shards\", any shard of i/n not given under \"missing_shards\").",
                "Refuses, naming the directories: a shard whose run is not complete, shards of a different model, settings or "
                        + "tasks file, two directories of the same shard, and a task present in two shards."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:merged (stderr names any shard of i/n that was not given)",
                "1:failure: a shard could not be read or the output could not be written (I/O, damaged JSON)",
                "2:bad usage, or the directories are not shards of one run (the message says which and why); nothing is written"})
public final class MergeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "the shards' run directories")
    List<Path> shards;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the merged run directory (new or empty)")
    Path out;

    @Option(names = "--run-id", paramLabel = "ID", description = "the merged run's id (default: the --out directory's name)")
    String runId;

    @Override
    public Integer call() {
        RunMerge.Result r;
        try {
            r = RunMerge.merge(shards, out, runId);
        } catch (RunMerge.Refused e) {
            System.err.println("fixpoint merge: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (SolverException e) {
            System.err.println("fixpoint merge: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        if (!r.missingShards().isEmpty()) {
            System.err.println("fixpoint merge: warning: shard(s) " + String.join(", ", r.missingShards())
                    + " not given: the merged run is partial (run.json: \"complete\": false)");
        }
        System.out.println("merged " + shards.size() + " shard(s): " + r.tasks() + " tasks, " + r.predictions() + " predictions -> " + out);
        return ExitCodes.OK;
    }
}

package dev.fixpoint.verifiers.bench;

import dev.fixpoint.tasks.Task;
import dev.fixpoint.verifiers.CandidatePatch;
import dev.fixpoint.verifiers.testing.PatchVariants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The fixed candidate pools of one sample task. With a correct candidate: the gold patch and two mechanical
 * variants of it (re-commented, re-spaced), the partial decoy (passes the example, misses other cases)
 * and two variants of it, the decoy that breaks an existing test, an empty patch and a stale copy of the gold
 * patch that does not apply. Without one: the same minus the gold patch and its variants. The partial decoy's
 * cluster is as large as the gold's so that a majority vote has to guess; the order is shuffled with a seed taken
 * from the task id, so it is the same on every run.
 */
record BenchPools(List<CandidatePatch> withCorrect, List<CandidatePatch> withoutCorrect) {

    static BenchPools of(Task task, Path decoys) throws IOException {
        Path dir = decoys.resolve(task.instanceId());
        String gold = task.patch();
        String partial = Files.readString(dir.resolve("partial.diff"));
        String breaks = Files.readString(dir.resolve("breaks_p2p.diff"));
        List<CandidatePatch> wrong = List.of(
                CandidatePatch.of("partial", partial),
                CandidatePatch.of("partial.commented", PatchVariants.commented(partial, "handle the reported case")),
                CandidatePatch.of("partial.respaced", PatchVariants.respaced(partial)),
                CandidatePatch.of("breaks_p2p", breaks),
                CandidatePatch.of("empty", ""),
                CandidatePatch.of("stale", PatchVariants.stale(gold)));
        List<CandidatePatch> right = List.of(
                CandidatePatch.of("gold", gold),
                CandidatePatch.of("gold.commented", PatchVariants.commented(gold, "fix for the reported issue")),
                CandidatePatch.of("gold.respaced", PatchVariants.respaced(gold)));
        List<CandidatePatch> with = new ArrayList<>(right);
        with.addAll(wrong);
        long seed = task.instanceId().hashCode();
        return new BenchPools(shuffled(with, seed), shuffled(wrong, seed));
    }

    private static List<CandidatePatch> shuffled(List<CandidatePatch> pool, long seed) {
        List<CandidatePatch> copy = new ArrayList<>(pool);
        Collections.shuffle(copy, new Random(seed));
        return List.copyOf(copy);
    }
}

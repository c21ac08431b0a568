package dev.fixpoint.verifiers.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.TaskLoader;
import dev.fixpoint.verifiers.CandidatePatch;
import dev.fixpoint.verifiers.dedup.BaseFiles;
import dev.fixpoint.verifiers.dedup.CandidateClusterer;
import dev.fixpoint.verifiers.dedup.Clustering;
import dev.fixpoint.verifiers.dedup.PatchState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** On every sample task: the variants are the gold change in another form, the stale copy does not apply. */
class PatchVariantsTest {

    private static final Path SAMPLES = Path.of("..", "tasks", "samples").toAbsolutePath().normalize();

    static List<Task> tasks() {
        return TaskLoader.strict().load(SAMPLES.resolve("tasks.jsonl")).tasks();
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void variantsClusterWithTheGoldAndTheStaleCopyDoesNotApply(Task task) {
        String gold = task.patch();
        String commented = PatchVariants.commented(gold, "same change, other comments");
        String respaced = PatchVariants.respaced(gold);
        String stale = PatchVariants.stale(gold);
        BaseFiles base = BaseFiles.directory(SAMPLES.resolve("src").resolve(task.repo().substring(task.repo().indexOf('/') + 1)));

        Clustering c = new CandidateClusterer().cluster(List.of(CandidatePatch.of("gold", gold),
                CandidatePatch.of("commented", commented), CandidatePatch.of("respaced", respaced),
                CandidatePatch.of("stale", stale)), base);

        assertNotEquals(gold, commented);
        assertNotEquals(gold, respaced);
        assertEquals(PatchState.APPLIES, c.clusterOf("gold").state());
        assertEquals(List.of("gold", "commented", "respaced"), c.clusterOf("gold").memberIds());
        assertEquals(PatchState.DOES_NOT_APPLY, c.clusterOf("stale").state());
    }
}

package dev.fixpoint.verifiers.testing;

import dev.fixpoint.agent.testing.Samples;
import dev.fixpoint.tasks.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The verspec sample task (tasks/samples) the verifiers' Docker tests run on: its row, its tree, its decoy patches. */
public final class VerspecSample {

    public static final String ID = "fixpoint-samples__verspec-1";

    private VerspecSample() {
    }

    /** The task's row from the samples' tasks.jsonl. */
    public static Task task() {
        return Samples.task(ID);
    }

    /** The repository's tree at the base commit, as the samples hold it. */
    public static Path tree() {
        return Samples.DIR.resolve("src/verspec");
    }

    /** One of the task's decoy patches, e.g. {@code partial.diff} or {@code breaks_p2p.diff}. */
    public static String decoy(String file) throws IOException {
        return Files.readString(Samples.DIR.resolve("decoys/" + ID + "/" + file));
    }

    /** {@code code} in a fenced Python block, as a model answers with a test. */
    public static String pythonBlock(String code) {
        return "```python\n" + code + "```\n";
    }
}

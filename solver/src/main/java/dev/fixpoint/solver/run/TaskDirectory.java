package dev.fixpoint.solver.run;

import dev.fixpoint.solver.SolverException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * One task's part of a run directory: {@code tasks/<id>/rollouts/<k>/{trajectory.jsonl,candidate.json}}, the
 * test-writing sessions' {@code testgen/<k>.jsonl} (trajectory) and {@code testgen/<k>.result.json} (what the
 * session wrote), {@code selection.json} and {@code patch.diff}. A rollout or session that ended with a model error
 * is recorded like any other but not reused by a resumed run: it is run again.
 */
public record TaskDirectory(Path root) {

    public Path rolloutDir(int k) {
        return root.resolve("rollouts").resolve(Integer.toString(k));
    }

    public Path trajectory(int k) {
        return rolloutDir(k).resolve("trajectory.jsonl");
    }

    public Path candidateFile(int k) {
        return rolloutDir(k).resolve("candidate.json");
    }

    public Path selectionFile() {
        return root.resolve("selection.json");
    }

    public Path patchFile() {
        return root.resolve("patch.diff");
    }

    public Path testWriterTrajectory(int k) {
        return root.resolve("testgen").resolve(k + ".jsonl");
    }

    public Path testWriterResultFile(int k) {
        return root.resolve("testgen").resolve(k + ".result.json");
    }

    /** The test-writing session's record if it finished in this or an earlier (killed) run. */
    public Optional<TestWriterRecord> finishedTestWriter(int k) {
        return readIfPresent(testWriterResultFile(k), TestWriterRecord::parse);
    }

    /** Saves the session's record (after its trajectory), which marks it finished. */
    public void saveTestWriter(TestWriterRecord record) {
        AtomicFiles.write(testWriterResultFile(record.index()), record.toJson());
    }

    /** The rollout's record if it finished in this or an earlier (killed) run. */
    public Optional<RolloutRecord> finishedRollout(int k) {
        return readIfPresent(candidateFile(k), RolloutRecord::parse);
    }

    /** The record in {@code f} read by {@code parse} (text, file name for its messages); empty when there is none. */
    private static <T> Optional<T> readIfPresent(Path f, BiFunction<String, String, T> parse) {
        if (!Files.exists(f)) return Optional.empty();
        try {
            return Optional.of(parse.apply(Files.readString(f), f.toString()));
        } catch (IOException e) {
            throw new SolverException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    /**
     * The rollout's record if a resumed run may reuse it instead of running it again: finished, and not ended by a model
     * error (the model may answer now; the record stays for the reports until the rollout is redone).
     */
    public Optional<RolloutRecord> reusableRollout(int k) {
        return finishedRollout(k).filter(r -> !r.candidate().modelFailed());
    }

    /** The test-writing session's record if a resumed run may reuse it: finished, and not ended by a model error. */
    public Optional<TestWriterRecord> reusableTestWriter(int k) {
        return finishedTestWriter(k).filter(r -> !r.candidate().modelFailed());
    }

    public void saveRollout(RolloutRecord record) {
        AtomicFiles.write(candidateFile(record.settings().index()), record.toJson());
    }
}

package dev.fixpoint.solver;

import dev.fixpoint.solver.prepare.PreparedTask;
import dev.fixpoint.verifiers.CandidatePatch;
import dev.fixpoint.verifiers.Verification;
import dev.fixpoint.verifiers.VerificationSession;
import dev.fixpoint.verifiers.dedup.Clustering;
import dev.fixpoint.verifiers.select.ExecutionEvidence;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One task's verification inside the pipeline: a verifiers {@link VerificationSession} (tests and results kept as
 * rollouts arrive, sandboxes from the instance image), fed with the scripts of the task's test-writing sessions,
 * which run beside the rollouts. Confined to the task's thread; {@link #close()} cancels sessions still running.
 */
final class VerificationStage implements AutoCloseable {

    private final String instanceId;
    private final VerificationSession session;
    private final Future<List<TestWriter.Written>> writers;
    private final AtomicBoolean stopWriters;
    private boolean writersAdded;

    /**
     * @param writers     the task's test-writing sessions, running (or done); null for none
     * @param stopWriters set on {@link #close()}: the sessions start no further one (an interrupt alone may be
     *                    swallowed on the way, e.g. by a container's removal)
     */
    VerificationStage(PreparedTask prepared, VerificationSession session, Future<List<TestWriter.Written>> writers,
                      AtomicBoolean stopWriters) {
        this.instanceId = prepared.task().instanceId();
        this.session = session;
        this.writers = writers;
        this.stopWriters = stopWriters;
    }

    Clustering cluster(List<CandidatePatch> pool) {
        return session.cluster(pool);
    }

    /** One candidate's execution evidence, with the test writers' scripts if they are done (without waiting). */
    Optional<ExecutionEvidence> execution(List<CandidatePatch> pool, String candidateId) throws InterruptedException {
        if (writers != null && writers.isDone()) addWriters();
        return session.execution(pool, candidateId);
    }

    /** Verifies and selects, once the test writers are done. */
    Verification verify(List<CandidatePatch> pool) throws InterruptedException {
        addWriters();
        return session.verify(pool);
    }

    private void addWriters() throws InterruptedException {
        if (writers == null || writersAdded) return;
        writersAdded = true;
        try {
            writers.get().forEach(w -> session.addScripts(w.source(), w.files()));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            throw new SolverException(instanceId + ": test-writing sessions failed: " + cause, cause);
        }
    }

    @Override
    public void close() {
        stopWriters.set(true);
        if (writers != null) writers.cancel(true);
    }
}

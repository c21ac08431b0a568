package dev.fixpoint.solver;

import dev.fixpoint.models.Budget;
import dev.fixpoint.agent.Candidate;
import dev.fixpoint.models.Model;
import dev.fixpoint.agent.Prompts;
import dev.fixpoint.agent.Role;
import dev.fixpoint.models.ModelCallLog;
import dev.fixpoint.solver.run.TaskDirectory;
import dev.fixpoint.solver.run.TestWriterRecord;
import dev.fixpoint.solver.prepare.PreparedTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Test-writing sessions: agent sessions asked only to write a reproduction script for the issue (no fix), with the
 * test writer's own prompts and submit wording ({@link Role#WRITE_TEST}), in sandboxes from the instance image,
 * each recorded as {@code testgen/<k>.jsonl}. Their reproduction files join the verifier's pool of tests ({@link dev.fixpoint.verifiers.VerificationSession#addScripts}: kept only if they fail on
 * the base code, as every script). Usage counts against the task's budget like any model call. A finished session
 * is saved ({@link TaskDirectory#saveTestWriter}) and reused by a resumed run instead of being run again; one cut
 * short by the budget, the sandbox or an interrupt is not saved, and one ended by a model error is not reused, so a
 * resumed run redoes them.
 */
final class TestWriter {

    private static final Logger log = LoggerFactory.getLogger(TestWriter.class);

    private final AgentSessions sessions;

    TestWriter(AgentSessions sessions) {
        this.sessions = sessions;
    }

    /** The files one session wrote, e.g. source {@code testgen-1}. */
    record Written(String source, Map<String, String> files) {
        Written {
            files = Map.copyOf(files);
        }
    }

    /**
     * Runs up to {@code count} sessions, as many as the model source offers, while the budget lasts and until
     * {@code stopped}; their model calls are logged in {@code calls}.
     */
    List<Written> write(PreparedTask prepared, int count, TaskDirectory dir, Budget.Ledger ledger, ModelCallLog calls,
                        BooleanSupplier stopped) throws InterruptedException {
        var out = new ArrayList<Written>();
        Prompts prompts = Prompts.defaults(Role.WRITE_TEST);
        for (int k = 1; k <= count; k++) {
            Optional<TestWriterRecord> finished = dir.reusableTestWriter(k);
            if (finished.isPresent()) {
                out.add(written(finished.get()));
                log.info("{}: test writer {} finished in an earlier run, reused", prepared.task().instanceId(), k);
                continue;
            }
            Optional<Model> m = sessions.models().forTestWriting(prepared.task(), k);
            if (m.isEmpty() || ledger.exhausted().isPresent()) break;
            if (stopped.getAsBoolean()) throw new InterruptedException("test writer " + k + " not started: the task is done");
            int index = k;
            Candidate c = sessions.concurrency().withContainer(() -> sessions.run(prepared, sessions.governed(m.get(), ledger, calls),
                    Role.WRITE_TEST, prompts, "testgen-" + index, dir.testWriterTrajectory(index)));
            if (Thread.currentThread().isInterrupted() || stopped.getAsBoolean()) throw new InterruptedException("test writer " + index + " interrupted");
            var record = new TestWriterRecord(index, c);
            if (!AgentSessions.cutShort(c, ledger)) dir.saveTestWriter(record);
            out.add(written(record));
            log.info("{}: test writer {} ({}) wrote {} file(s)", prepared.task().instanceId(), index, c.modelId(), c.reproduction().size());
        }
        return out;
    }

    private static Written written(TestWriterRecord r) {
        Map<String, String> files = new TreeMap<>();
        r.candidate().reproduction().forEach(f -> files.put(f.path(), f.content()));
        return new Written(r.source(), files);
    }
}

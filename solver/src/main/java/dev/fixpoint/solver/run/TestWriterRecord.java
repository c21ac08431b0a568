package dev.fixpoint.solver.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fixpoint.agent.Candidate;
import dev.fixpoint.solver.SolverException;

import java.io.IOException;

/**
 * A finished test-writing session as stored in {@code testgen/<k>.result.json}: its number and its {@link Candidate}
 * (the reproduction files it wrote are what the verifier uses). The file's presence marks the session finished (it
 * is written atomically, after the trajectory), so a resumed run reuses it instead of running the session again.
 */
public record TestWriterRecord(int index, Candidate candidate) {

    public TestWriterRecord {
        if (index < 1) throw new IllegalArgumentException("not a test-writing session number: " + index);
        java.util.Objects.requireNonNull(candidate, "candidate");
    }

    /** The verifier's name for the session's scripts, e.g. {@code testgen-1}. */
    public String source() {
        return "testgen-" + index;
    }

    public String toJson() {
        ObjectNode n = RunJson.mapper().createObjectNode().put("instance_id", candidate.instanceId()).put("testgen", index);
        RolloutRecord.putCandidate(n, candidate);
        return RunJson.pretty(n, "test-writing session " + index + " of " + candidate.instanceId());
    }

    public static TestWriterRecord parse(String json, String source) {
        try {
            JsonNode n = RunJson.mapper().readTree(json);
            return new TestWriterRecord(n.path("testgen").asInt(), RolloutRecord.readCandidate(n));
        } catch (IOException | IllegalArgumentException e) {
            throw new SolverException(source + ": not a test-writing session record: " + e.getMessage(), e);
        }
    }
}

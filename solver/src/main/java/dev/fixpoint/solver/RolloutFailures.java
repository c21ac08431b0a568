package dev.fixpoint.solver;

import dev.fixpoint.agent.Candidate;
import dev.fixpoint.agent.Outcome;
import dev.fixpoint.solver.run.RolloutRecord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rollouts of a task that failed (model error, sandbox error) and what that means for the task: when every
 * rollout failed and none left a patch, there is no candidate to judge and the task is an ERROR, not an abstention;
 * when only some failed, the task goes on and its reasons say how many failed and why.
 *
 * @param attempted the task's rollouts that ran or were reused, failed ones included, in rollout order
 */
record RolloutFailures(List<RolloutRecord> attempted) {

    private static final int MESSAGE_CHARS = 300;

    RolloutFailures {
        attempted = List.copyOf(attempted);
    }

    private static boolean failed(Candidate c) {
        return c.modelFailed() || c.outcome() == Outcome.SANDBOX_ERROR;
    }

    private List<Candidate> failures() {
        return attempted.stream().map(RolloutRecord::candidate).filter(RolloutFailures::failed).toList();
    }

    /** Every rollout failed and none left a patch: the reason of the task's ERROR. */
    Optional<String> noCandidate() {
        if (attempted.isEmpty() || failures().size() < attempted.size()) return Optional.empty();
        if (attempted.stream().anyMatch(r -> r.candidate().hasPatch())) return Optional.empty();
        return Optional.of("no candidate: all " + attempted.size() + " rollouts failed " + describe());
    }

    /** Some rollouts failed: a note for the task's reasons. */
    Optional<String> note() {
        List<Candidate> f = failures();
        if (f.isEmpty()) return Optional.empty();
        return Optional.of(f.size() + " of " + attempted.size() + " rollouts failed " + describe());
    }

    /** Some rollout failed because of the model (rather than the sandbox). */
    boolean model() {
        return failures().stream().anyMatch(Candidate::modelFailed);
    }

    /** "(3 model errors, 1 sandbox error): 3 x msg; 1 x msg". */
    private String describe() {
        List<Candidate> f = failures();
        long model = f.stream().filter(Candidate::modelFailed).count();
        long sandbox = f.size() - model;
        Map<String, Integer> messages = new LinkedHashMap<>();
        for (Candidate c : f) {
            String m = c.error().isBlank() ? c.outcome().name() : c.error();
            messages.merge(m.length() > MESSAGE_CHARS ? m.substring(0, MESSAGE_CHARS) + "..." : m, 1, Integer::sum);
        }
        String kinds = (model > 0 ? model + " model error" + (model > 1 ? "s" : "") : "")
                + (model > 0 && sandbox > 0 ? ", " : "") + (sandbox > 0 ? sandbox + " sandbox error" + (sandbox > 1 ? "s" : "") : "");
        return "(" + kinds + "): " + messages.entrySet().stream().map(e -> e.getValue() + " x " + e.getKey()).collect(Collectors.joining("; "));
    }
}

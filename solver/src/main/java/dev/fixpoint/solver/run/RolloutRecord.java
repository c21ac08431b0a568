package dev.fixpoint.solver.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fixpoint.agent.Candidate;
import dev.fixpoint.agent.Outcome;
import dev.fixpoint.agent.PatchStatus;
import dev.fixpoint.agent.ReproductionFile;
import dev.fixpoint.models.Usage;
import dev.fixpoint.solver.RolloutSettings;
import dev.fixpoint.solver.SolverException;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;

/**
 * A finished rollout as stored in {@code candidate.json}: its settings and its {@link Candidate}. The file's
 * presence marks the rollout finished (it is written atomically, after the trajectory); one that ended with a model
 * error is redone by a resumed run ({@link TaskDirectory#reusableRollout}).
 */
public record RolloutRecord(RolloutSettings settings, Candidate candidate) {

    public String toJson() {
        ObjectNode n = RunJson.mapper().createObjectNode().put("instance_id", candidate.instanceId()).put("rollout", settings.index())
                .put("temperature", settings.temperature()).put("prompt_variant", settings.promptVariant());
        putCandidate(n, candidate);
        return RunJson.pretty(n, "rollout " + settings.index() + " of " + candidate.instanceId());
    }

    /**
     * A candidate's fields (model, outcome, steps, usage, cost, error, wall time, patch status and message, patch,
     * reproduction), added to {@code n}.
     */
    static void putCandidate(ObjectNode n, Candidate c) {
        n.put("model", c.modelId()).put("outcome", c.outcome().name()).put("steps", c.steps());
        n.putObject("usage").put("input", c.usage().inputTokens()).put("output", c.usage().outputTokens())
                .put("cached", c.usage().cachedInputTokens()).put("calls", c.usage().calls()).put("latency_ms", c.usage().latency().toMillis());
        n.put("cost_usd", c.costUsd().orElse(null)).put("error", c.error()).put("wall_ms", c.wallTime().toMillis())
                .put("patch_status", c.patchStatus().name()).put("patch_message", c.patchMessage()).put("patch", c.patch());
        var repro = n.putArray("reproduction");
        c.reproduction().forEach(f -> repro.addObject().put("path", f.path()).put("content", f.content()));
    }

    /**
     * The candidate {@link #putCandidate} wrote. Records from before patch statuses get the status their patch text
     * implies (CHANGED or NO_CHANGE).
     */
    static Candidate readCandidate(JsonNode n) {
        JsonNode u = n.path("usage");
        var repro = new ArrayList<ReproductionFile>();
        for (JsonNode f : n.path("reproduction")) repro.add(new ReproductionFile(f.path("path").asText(), f.path("content").asText()));
        Optional<BigDecimal> cost = n.path("cost_usd").isNumber() ? Optional.of(n.get("cost_usd").decimalValue()) : Optional.empty();
        return Candidate.builder().instanceId(n.path("instance_id").asText()).modelId(n.path("model").asText())
                .patch(n.path("patch").asText()).reproduction(repro).outcome(Outcome.valueOf(n.path("outcome").asText()))
                .steps(n.path("steps").asInt())
                .usage(new Usage(u.path("input").asLong(), u.path("output").asLong(), u.path("cached").asLong(),
                        Duration.ofMillis(u.path("latency_ms").asLong()), u.path("calls").asInt()))
                .costUsd(cost).error(n.path("error").asText()).wallTime(Duration.ofMillis(n.path("wall_ms").asLong()))
                .patchStatus(n.hasNonNull("patch_status") ? PatchStatus.valueOf(n.get("patch_status").asText()) : null)
                .patchMessage(n.path("patch_message").asText("")).build();
    }

    public static RolloutRecord parse(String json, String source) {
        try {
            JsonNode n = RunJson.mapper().readTree(json);
            Candidate c = readCandidate(n);
            Double t = n.path("temperature").isNumber() ? n.get("temperature").asDouble() : null;
            return new RolloutRecord(new RolloutSettings(n.path("rollout").asInt(), t, n.path("prompt_variant").asText("default")), c);
        } catch (IOException | IllegalArgumentException e) {
            throw new SolverException(source + ": not a rollout record: " + e.getMessage(), e);
        }
    }
}

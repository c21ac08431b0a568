package dev.fixpoint.agent.tools;

import dev.fixpoint.agent.Observation;
import dev.fixpoint.agent.Tool;
import dev.fixpoint.agent.ToolArgs;
import dev.fixpoint.agent.ToolContext;
import dev.fixpoint.agent.ToolParam;
import dev.fixpoint.agent.ToolSpec;

import java.util.List;

import static dev.fixpoint.agent.ToolParam.Type.STRING;

/** Ends the rollout: the repository's current state becomes the candidate. */
final class SubmitTool implements Tool {

    private static final ToolSpec SPEC = new ToolSpec("submit",
            "Finish: submit the current state of the repository as your fix. Call it once the reproduction script passes.",
            List.of(ToolParam.optional("summary", STRING, "one or two sentences on the cause and the fix")));

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public Observation run(ToolArgs args, ToolContext ctx) {
        return Observation.submit("Submitted." + args.optString("summary").map(s -> " Summary: " + s).orElse(""));
    }
}

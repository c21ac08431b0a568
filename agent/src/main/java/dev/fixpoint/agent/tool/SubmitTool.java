package dev.fixpoint.agent.tool;

import dev.fixpoint.agent.Role;
import dev.fixpoint.models.ToolParam;
import dev.fixpoint.models.ToolSpec;

import java.util.List;

import static dev.fixpoint.models.ToolParam.Type.STRING;

/** Ends the session: for a fixer the repository's state becomes the candidate fix, for a test writer its test. */
final class SubmitTool implements Tool {

    private static final ToolSpec FIX = new ToolSpec("submit",
            "Finish: submit the current state of the repository as your fix. Call it once the reproduction script passes.",
            List.of(ToolParam.optional("summary", STRING, "one or two sentences on the cause and the fix")));
    private static final ToolSpec WRITE_TEST = new ToolSpec("submit",
            "Finish: submit the reproduction test you wrote (the files whose name starts with \"repro\"). Call it once "
                    + "the test fails on the current code because of the problem the issue describes.",
            List.of(ToolParam.optional("summary", STRING, "one or two sentences on what the test checks and how it fails now")));

    private final ToolSpec spec;

    SubmitTool(Role role) {
        this.spec = switch (role) {
            case FIX -> FIX;
            case WRITE_TEST -> WRITE_TEST;
        };
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public Observation run(ToolArgs args, ToolContext ctx) {
        return Observation.submit("Submitted." + args.optString("summary").map(s -> " Summary: " + s).orElse(""));
    }
}

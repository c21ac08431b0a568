package dev.fixpoint.agent.testing;

import dev.fixpoint.models.ModelResponse;
import dev.fixpoint.models.ScriptedModel;
import dev.fixpoint.models.ToolCall;

import java.util.ArrayList;
import java.util.List;

/**
 * A long scripted session on the {@link Fixtures#calcRepo calc} repository, for context management: step 1 fixes the
 * bug with an edit, steps 2 to n-1 run commands with large outputs (every 10th views a file instead), step n submits.
 * Each output line names its step ({@code s12 line 000001}), so a test can tell which output a text came from.
 */
public final class LongSession {

    private LongSession() {}

    /**
     * @param steps     model calls, at least 3
     * @param obsChars  about how many characters each command prints
     */
    public static List<ModelResponse> responses(int steps, int obsChars) {
        if (steps < 3) throw new IllegalArgumentException("a long session needs at least 3 steps: " + steps);
        var out = new ArrayList<ModelResponse>();
        out.add(respond(1, "edit", "{\"command\": \"str_replace\", \"path\": \"calc/ops.py\", \"old_str\": \"return a - b\", \"new_str\": \"return a + b\"}"));
        for (int k = 2; k < steps; k++) {
            out.add(k % 10 == 0 ? respond(k, "view", "{\"path\": \"calc/ops.py\"}")
                    : respond(k, "bash", "{\"command\": \"seq -f 's" + k + " line %06g' 1 " + obsChars / (k < 10 ? 15 : 16) + "\"}"));
        }
        out.add(respond(steps, "submit", "{\"summary\": \"add subtracted\"}"));
        return out;
    }

    private static ModelResponse respond(int step, String tool, String args) {
        return ScriptedModel.respond("step " + step, new ToolCall("c" + step, tool, args));
    }
}

package dev.fixpoint.agent;

import dev.fixpoint.agent.trajectory.TrajectoryJson;

import java.nio.file.Path;

/**
 * Re-issues the model responses recorded in a trajectory file, in order, with their recorded token counts and
 * zero latency. Replaying a rollout on the same repository reproduces its tool calls, hence its patch.
 * Exhausted like {@link ScriptedModel} when the recorded steps run out.
 */
public final class ReplayModel implements Model {

    private final ScriptedModel script;

    private ReplayModel(ScriptedModel script) {
        this.script = script;
    }

    public static ReplayModel fromFile(Path trajectory) {
        var responses = TrajectoryJson.readResponses(trajectory);
        if (responses.isEmpty()) throw new AgentException("trajectory " + trajectory + " has no steps to replay");
        return new ReplayModel(new ScriptedModel("replay:" + trajectory.getFileName(), responses));
    }

    @Override
    public String id() {
        return script.id();
    }

    @Override
    public ModelResponse chat(ModelRequest request) {
        return script.chat(request);
    }

    public int remaining() {
        return script.remaining();
    }
}

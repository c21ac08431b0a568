package dev.fixpoint.agent.trajectory;

import dev.fixpoint.agent.AgentException;
import dev.fixpoint.models.Model;
import dev.fixpoint.models.ModelRequest;
import dev.fixpoint.models.ModelResponse;
import dev.fixpoint.models.ScriptedModel;
import java.nio.file.Path;
import java.util.List;

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

    /**
     * @throws AgentException when the file cannot be read, a line of it is not JSON or a record has bad values (records
     *                        of unknown types are skipped), or it has no steps
     */
    public static ReplayModel fromFile(Path trajectory) {
        RecordedTrajectory recorded = TrajectoryParser.read(trajectory);
        recorded.problems().stream().filter(p -> p.kind() != RecordedTrajectory.Problem.Kind.UNKNOWN_RECORD).findFirst()
                .ifPresent(p -> {
                    throw new AgentException(trajectory + ":" + p.line() + ": " + p.message() + ": not a trajectory to replay");
                });
        List<ModelResponse> responses = recorded.steps().stream().map(Step::response).toList();
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

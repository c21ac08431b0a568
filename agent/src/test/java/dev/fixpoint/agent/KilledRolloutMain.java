package dev.fixpoint.agent;

import dev.fixpoint.agent.trajectory.TrajectoryRecorder;
import dev.fixpoint.models.ScriptedModel;
import dev.fixpoint.agent.testing.Fixtures;
import dev.fixpoint.agent.testing.LocalSandbox;

import java.nio.file.Path;
import java.util.List;

import static dev.fixpoint.models.ScriptedModel.call;

/** Child process of {@link KilledRolloutTest}: two quick steps, then a step that hangs until the process is killed. */
public final class KilledRolloutMain {
    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]), trajectory = Path.of(args[1]), state = Path.of(args[2]);
        String base = Fixtures.calcRepo(repo);
        var model = new ScriptedModel("scripted:test", List.of(
                call("view", "{\"path\": \"calc/ops.py\"}"),
                call("edit", "{\"command\": \"str_replace\", \"path\": \"calc/ops.py\", \"old_str\": \"a - b\", \"new_str\": \"a + b\"}"),
                call("bash", "{\"command\": \"sleep 600\", \"timeout\": 1800}")));
        try (var recorder = TrajectoryRecorder.open(trajectory)) {
            Agent.builder(model).stateDir(state.toString()).build().run(Fixtures.calcTask(base, repo.toString()), new LocalSandbox(repo), recorder);
        }
    }
}

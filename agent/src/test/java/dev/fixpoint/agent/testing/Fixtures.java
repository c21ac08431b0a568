package dev.fixpoint.agent.testing;

import dev.fixpoint.models.ModelResponse;
import dev.fixpoint.models.ScriptedModel;
import dev.fixpoint.tasks.env.EnvironmentSpec;
import dev.fixpoint.tasks.env.ResultFormat;
import dev.fixpoint.tasks.Task;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.fixpoint.models.ScriptedModel.call;

/** A tiny Python repository with a bug, its task, and a scripted session that fixes it the way the prompt asks. */
public final class Fixtures {

    public static final Map<String, String> CALC_FILES = Map.of(
            "calc/__init__.py", "",
            "calc/ops.py", "def add(a, b):\n    return a - b\n\n\ndef mul(a, b):\n    return a * b\n",
            "tests/test_ops.py", "from calc.ops import add\n\n\ndef test_add():\n    assert add(2, 3) == 5\n");

    private Fixtures() {}

    public static String calcRepo(Path dir) throws Exception {
        return GitRepo.create(dir, CALC_FILES);
    }

    public static Task calcTask(String baseCommit, String workdir) {
        return Task.builder().instanceId("demo__calc-1").repo("demo/calc").baseCommit(baseCommit)
                .problemStatement("add(2, 3) returns -1 instead of 5.")
                .environment(new EnvironmentSpec("fixpoint/python:latest", workdir, List.of(), "python3 -m pytest -rA tests",
                        ResultFormat.PYTEST_LOG, null, null))
                .build();
    }

    /** view, create the reproduction, run it (fails), fix, run it (passes), submit. */
    public static List<ModelResponse> calcSession() {
        return List.of(
                call("view", "{\"path\": \"calc/ops.py\"}"),
                call("edit", "{\"command\": \"create\", \"path\": \"reproduce_issue.py\", \"file_text\": "
                        + "\"from calc.ops import add\\nassert add(2, 3) == 5, add(2, 3)\\nprint('OK')\\n\"}"),
                call("bash", "{\"command\": \"python3 reproduce_issue.py\"}"),
                call("edit", "{\"command\": \"str_replace\", \"path\": \"calc/ops.py\", \"old_str\": \"return a - b\", \"new_str\": \"return a + b\"}"),
                call("bash", "{\"command\": \"python3 reproduce_issue.py\"}"),
                call("submit", "{\"summary\": \"add subtracted\"}"));
    }

    public static ScriptedModel calcModel() {
        return new ScriptedModel("scripted:test", calcSession());
    }
}

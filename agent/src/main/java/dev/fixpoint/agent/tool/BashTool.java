package dev.fixpoint.agent.tool;

import dev.fixpoint.models.ToolParam;
import dev.fixpoint.models.ToolSpec;
import dev.fixpoint.sandbox.ExecRequest;
import dev.fixpoint.sandbox.ExecResult;

import java.time.Duration;
import java.util.List;

import static dev.fixpoint.models.ToolParam.Type.INTEGER;
import static dev.fixpoint.models.ToolParam.Type.STRING;

/** Runs a shell command in the repository, with a timeout. A failing command is an observation, not an error. */
final class BashTool extends FixedSpecTool {

    static final int DEFAULT_TIMEOUT_S = 120, MAX_TIMEOUT_S = 1800;

    BashTool() {
        super(new ToolSpec("bash",
                "Run a shell command (sh -c) in the repository directory and return its output and exit code. "
                        + "Each call is a fresh shell: cd and variables do not carry over. No network, no interactive input. "
                        + "Use it to run scripts and tests, list files, or inspect git state.",
                List.of(ToolParam.required("command", STRING, "the command line"),
                        ToolParam.optional("timeout", INTEGER, "seconds before the command is killed (default "
                                + DEFAULT_TIMEOUT_S + ", max " + MAX_TIMEOUT_S + ")"))));
    }

    @Override
    public Observation run(ToolArgs args, ToolContext ctx) {
        String command = args.string("command");
        if (command.isBlank()) throw new ToolInputException("bash: the command is empty");
        int seconds = args.optInt("timeout").orElse(DEFAULT_TIMEOUT_S);
        if (seconds < 1 || seconds > MAX_TIMEOUT_S) {
            throw new ToolInputException("bash: timeout must be between 1 and " + MAX_TIMEOUT_S + " seconds, not " + seconds);
        }
        Duration timeout = ctx.boundedTimeout(Duration.ofSeconds(seconds));
        ExecResult r = ctx.sandbox().exec(ExecRequest.of(command, timeout).withWorkdir(ctx.workdir()));
        var sb = new StringBuilder(r.combined());
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') sb.append('\n');
        if (r.truncated()) sb.append("[output exceeded the sandbox's cap; the rest was dropped]\n");
        if (r.timedOut()) {
            sb.append("[command timed out after ").append(timeout.toSeconds()).append(" s and was killed]");
        } else if (r.oomKilled()) {
            sb.append("[command was killed: out of memory; exit code ").append(r.exitCode()).append("]");
        } else if (r.exitCode() != 0 || sb.length() == 0) {
            sb.append("[exit code ").append(r.exitCode()).append("]");
        }
        return Observation.ok(sb.toString().stripTrailing());
    }
}

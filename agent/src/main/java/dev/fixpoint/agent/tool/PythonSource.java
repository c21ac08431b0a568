package dev.fixpoint.agent.tool;

import dev.fixpoint.agent.AgentException;
import dev.fixpoint.sandbox.ExecRequest;
import dev.fixpoint.sandbox.ExecResult;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

/**
 * Python files read with Python's own {@code ast} module, inside the sandbox: the script {@code pysymbols.py} (a
 * resource) goes to {@code python3 -} on stdin, so nothing is written into the sandbox and the repository's own
 * interpreter parses the code. One exec per call. Its output is capped by the script ({@value #MAX_RESULTS}
 * declarations, lines of at most 200 characters) and again by the toolbox.
 */
final class PythonSource {

    /** Most declarations one find_symbol call lists. */
    static final int MAX_RESULTS = 100;
    private static final byte[] SCRIPT = script();

    private PythonSource() {}

    /** The outline of one .py file, or a {@link ToolInputException} saying it does not parse. */
    static String outline(ToolContext ctx, String path) {
        ExecResult r = run(ctx, List.of("outline", ctx.display(path)), Duration.ofSeconds(30), "outline");
        if (r.exitCode() == 2) {
            throw new ToolInputException("outline: " + ctx.display(path) + " does not parse as Python: "
                    + r.stdout().strip().replaceFirst("^syntax error: ", "") + ". Use view to read it.");
        }
        return r.stdout();
    }

    /** The declarations named {@code name} under {@code root} (file or directory), one per line; empty if none. */
    static String find(ToolContext ctx, String name, String root) {
        return run(ctx, List.of("find", name, ctx.display(root), Integer.toString(MAX_RESULTS)), Duration.ofSeconds(90),
                "find_symbol").stdout();
    }

    private static ExecResult run(ToolContext ctx, List<String> args, Duration timeout, String tool) {
        String command = "python3 -" + String.join("", args.stream().map(a -> " " + Text.quote(a)).toList());
        ExecResult r = ctx.sandbox().exec(ExecRequest.of(command, ctx.boundedTimeout(timeout)).withStdin(SCRIPT)
                .withWorkdir(ctx.workdir()));
        if (r.timedOut()) throw new ToolInputException(tool + ": timed out after " + r.duration().toSeconds() + " s; give a narrower path");
        if (r.exitCode() == 127) {
            throw new ToolInputException(tool + ": python3 is not installed in this sandbox, so Python files cannot be parsed; use search and view");
        }
        if (r.exitCode() != 0 && r.exitCode() != 2) {
            // The parser script crashed (e.g. a file nested too deeply for ast): the model can go on with search and view.
            throw new ToolInputException(tool + ": the Python parser failed (exit " + r.exitCode() + "): "
                    + Text.clip(r.combined().strip(), 500) + "; use search and view instead");
        }
        return r;
    }

    private static byte[] script() {
        try (InputStream in = PythonSource.class.getResourceAsStream("/dev/fixpoint/agent/tool/pysymbols.py")) {
            if (in == null) throw new AgentException("resource missing: dev/fixpoint/agent/tool/pysymbols.py");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AgentException("cannot read resource dev/fixpoint/agent/tool/pysymbols.py: " + e.getMessage(), e);
        }
    }
}

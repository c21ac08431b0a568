package dev.fixpoint.agent.tools;

import dev.fixpoint.agent.Observation;
import dev.fixpoint.agent.Tool;
import dev.fixpoint.agent.ToolArgs;
import dev.fixpoint.agent.ToolContext;
import dev.fixpoint.agent.ToolInputException;
import dev.fixpoint.agent.ToolParam;
import dev.fixpoint.agent.ToolSpec;

import java.util.List;

import static dev.fixpoint.agent.ToolParam.Type.STRING;

/** The declarations of a Java file with their line ranges (javaparser); parse problems are listed, not thrown. */
final class OutlineTool implements Tool {

    private static final ToolSpec SPEC = new ToolSpec("outline",
            "Outline a Java file: its classes, interfaces, enums, records, methods, constructors and fields with line ranges. "
                    + "Use view with start_line/end_line to read one of them.",
            List.of(ToolParam.required("path", STRING, "a .java file")));

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public Observation run(ToolArgs args, ToolContext ctx) {
        String path = ctx.resolve(args.string("path"));
        if (!path.endsWith(".java")) throw new ToolInputException("outline: only .java files are supported, not " + ctx.display(path));
        JavaSource.Parsed parsed = JavaSource.parse(SandboxFiles.readText(ctx, path, "outline"));
        var sb = new StringBuilder("[outline of ").append(ctx.display(path)).append("]\n");
        parsed.decls().forEach(d -> sb.append(d.render()).append('\n'));
        if (parsed.decls().isEmpty()) sb.append("[no declarations found]\n");
        if (!parsed.problems().isEmpty()) {
            sb.append("Parse problems:\n");
            parsed.problems().forEach(p -> sb.append("  ").append(p).append('\n'));
        }
        return Observation.ok(sb.toString());
    }
}

package dev.fixpoint.agent.tool;

import dev.fixpoint.models.ToolParam;
import dev.fixpoint.models.ToolSpec;

import java.util.List;

import static dev.fixpoint.models.ToolParam.Type.STRING;

/**
 * The declarations of a source file with their line ranges, by the file's extension: Java files with javaparser
 * (parse problems listed, not thrown), Python files with Python's {@code ast} in the sandbox ({@link PythonSource};
 * a syntax error is an error observation naming the line). Offered for the languages the repository has only.
 */
final class OutlineTool extends FixedSpecTool {

    private final CodeLanguages languages;

    private static ToolSpec spec(CodeLanguages languages) {
        String what = languages.pick("a Python or Java file", "a Python file", "a Java file");
        String decls = languages.join("classes, functions and methods (nested ones too)", "; for Java: ",
                "classes, interfaces, enums, records, methods, constructors and fields");
        return new ToolSpec("outline",
                "Outline " + what + ": its " + decls + " with line ranges. Use view with start_line/end_line to read one of them.",
                List.of(ToolParam.required("path", STRING, languages.pick("a .py or .java file", "a .py file", "a .java file"))));
    }

    OutlineTool(CodeLanguages languages) {
        super(spec(languages));
        this.languages = languages;
    }

    @Override
    public Observation run(ToolArgs args, ToolContext ctx) {
        String path = ctx.resolve(args.string("path"));
        boolean isPython = path.endsWith(".py") || path.endsWith(".pyi");
        if (languages.java() && path.endsWith(".java")) return outlineJava(ctx, path);
        if (languages.python() && isPython) return outlinePython(ctx, path);
        throw new ToolInputException("outline: only " + languages.extensions()
                + " files are supported, not " + ctx.display(path) + "; use view");
    }

    private static Observation outlineJava(ToolContext ctx, String path) {
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

    private static Observation outlinePython(ToolContext ctx, String path) {
        SandboxFiles.Kind kind = SandboxFiles.kind(ctx, path);
        if (kind == SandboxFiles.Kind.NONE) throw new ToolInputException("outline: no such file: " + ctx.display(path));
        if (kind == SandboxFiles.Kind.DIR) throw new ToolInputException("outline: " + ctx.display(path) + " is a directory, not a file");
        return Observation.ok("[outline of " + ctx.display(path) + "]\n" + PythonSource.outline(ctx, path));
    }
}

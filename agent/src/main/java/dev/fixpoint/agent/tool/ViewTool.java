package dev.fixpoint.agent.tool;

import dev.fixpoint.models.ToolParam;
import dev.fixpoint.models.ToolSpec;
import dev.fixpoint.sandbox.ExecResult;

import java.time.Duration;
import java.util.List;

import static dev.fixpoint.models.ToolParam.Type.INTEGER;
import static dev.fixpoint.models.ToolParam.Type.STRING;

/** Shows a file with line numbers (whole or a range) or a directory tree two levels deep. */
final class ViewTool extends FixedSpecTool {

    static final int MAX_TREE_ENTRIES = 400;

    ViewTool() {
        super(new ToolSpec("view",
                "Show a file with line numbers (optionally only lines start_line..end_line), or list a directory two levels deep.",
                List.of(ToolParam.required("path", STRING, "file or directory, relative to the repository or absolute"),
                        ToolParam.optional("start_line", INTEGER, "first line to show (1-based)"),
                        ToolParam.optional("end_line", INTEGER, "last line to show (inclusive; -1 = end of file)"))));
    }

    @Override
    public Observation run(ToolArgs args, ToolContext ctx) {
        String path = ctx.resolve(args.string("path"));
        SandboxFiles.Read read = SandboxFiles.read(ctx, path);
        return switch (read.kind()) {
            case NONE -> throw new ToolInputException("view: no such file or directory: " + ctx.display(path));
            case DIR -> Observation.ok(tree(ctx, path));
            case FILE -> Observation.ok(file(ctx, path, SandboxFiles.text(ctx, read, path, "view"), args));
        };
    }

    private static String file(ToolContext ctx, String path, String content, ToolArgs args) {
        String[] lines = Text.lines(content);
        if (lines.length == 0) return "[" + ctx.display(path) + " is empty]";
        int from = args.optInt("start_line").orElse(1);
        int to = args.optInt("end_line").orElse(-1);
        if (to == -1) to = lines.length;
        if (from < 1) throw new ToolInputException("view: start_line must be >= 1, not " + from);
        if (from > lines.length) {
            throw new ToolInputException("view: start_line " + from + " is past the end of " + ctx.display(path) + " (" + lines.length + " lines)");
        }
        if (to < from) throw new ToolInputException("view: end_line " + to + " is before start_line " + from);
        to = Math.min(to, lines.length);
        String header = from == 1 && to == lines.length ? "" : "[" + ctx.display(path) + ": lines " + from + "-" + to + " of " + lines.length + "]\n";
        return header + Text.numbered(lines, from, to);
    }

    private static String tree(ToolContext ctx, String dir) {
        String cmd = "find " + Text.quote(dir) + " -mindepth 1 -maxdepth 2 \\( -name .git -o -name __pycache__ -o -name node_modules"
                + " -o -name .pytest_cache \\) -prune -o -print | sort | head -n " + (MAX_TREE_ENTRIES + 1);
        ExecResult r = ctx.sandbox().exec(cmd, Duration.ofSeconds(30));
        String[] entries = r.stdout().isEmpty() ? new String[0] : r.stdout().split("\n");
        var sb = new StringBuilder("[directory " + ctx.display(dir) + ", two levels; .git and caches hidden]\n");
        sb.append(Text.capped(entries, MAX_TREE_ENTRIES, e -> {
            String rel = Text.below(dir, e);
            return (rel.contains("/") ? "  " : "") + rel;
        }, "entries; view a subdirectory"));
        if (entries.length == 0) sb.append("[empty]\n");
        return sb.toString();
    }
}

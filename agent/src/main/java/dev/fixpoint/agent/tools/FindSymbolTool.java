package dev.fixpoint.agent.tools;

import dev.fixpoint.agent.Observation;
import dev.fixpoint.agent.Tool;
import dev.fixpoint.agent.ToolArgs;
import dev.fixpoint.agent.ToolContext;
import dev.fixpoint.agent.ToolInputException;
import dev.fixpoint.agent.ToolParam;
import dev.fixpoint.agent.ToolSpec;
import dev.fixpoint.sandbox.ExecResult;

import java.time.Duration;
import java.util.List;

import static dev.fixpoint.agent.ToolParam.Type.STRING;

/**
 * Finds where a Java class, method, constructor or field is declared: grep narrows the files (word match), then
 * javaparser reads each and reports the declarations of that name with line ranges.
 */
final class FindSymbolTool implements Tool {

    static final int MAX_FILES = 50;

    private static final ToolSpec SPEC = new ToolSpec("find_symbol",
            "Find the declarations of a Java class, interface, enum, record, method, constructor or field by its simple name; "
                    + "returns file, kind, signature and line range.",
            List.of(ToolParam.required("name", STRING, "simple name, e.g. parseHeader or HttpClient"),
                    ToolParam.optional("path", STRING, "directory or file to look in (default: the whole repository)")));

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public Observation run(ToolArgs args, ToolContext ctx) {
        String name = args.string("name").strip();
        if (!name.matches("[A-Za-z_$][A-Za-z0-9_$]*")) throw new ToolInputException("find_symbol: not a Java identifier: '" + name + "'");
        String path = ctx.resolve(args.optString("path").orElse("."));
        if (SandboxFiles.kind(ctx, path) == SandboxFiles.Kind.NONE) {
            throw new ToolInputException("find_symbol: no such file or directory: " + ctx.display(path));
        }
        ExecResult r = ctx.sandbox().exec("grep -rlw --include='*.java' --exclude-dir=.git --exclude-dir=target -e " + Text.quote(name)
                + " -- " + Text.quote(path) + " | sort | head -n " + (MAX_FILES + 1), ctx.boundedTimeout(Duration.ofSeconds(60)));
        List<String> files = r.stdout().isBlank() ? List.of() : List.of(r.stdout().strip().split("\n"));
        var sb = new StringBuilder();
        int found = 0;
        for (String file : files.subList(0, Math.min(files.size(), MAX_FILES))) {
            String source = SandboxFiles.decode(ctx.sandbox().readFile(file)).orElse(null);
            if (source == null) continue;
            for (JavaSource.Decl d : JavaSource.parse(source).decls()) {
                if (d.name().equals(name)) {
                    sb.append(ctx.display(file)).append(':').append(d.firstLine()).append('-').append(d.lastLine())
                            .append("  ").append(d.kind()).append(' ').append(d.signature()).append('\n');
                    found++;
                }
            }
        }
        if (files.size() > MAX_FILES) sb.append("[more than ").append(MAX_FILES).append(" files mention it; give a path to narrow]\n");
        if (found == 0) return Observation.ok("No declaration named '" + name + "' found in " + ctx.display(path) + " (.java files).");
        return Observation.ok(sb.toString());
    }
}

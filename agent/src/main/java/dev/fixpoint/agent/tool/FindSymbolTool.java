package dev.fixpoint.agent.tool;

import dev.fixpoint.models.ToolParam;
import dev.fixpoint.models.ToolSpec;
import dev.fixpoint.sandbox.ExecResult;

import java.time.Duration;
import java.util.List;

import static dev.fixpoint.models.ToolParam.Type.STRING;

/**
 * Finds where a name is declared, in the repository's languages. Java: grep narrows the files (word match), then
 * javaparser reads each and reports the declarations of that name with line ranges. Python: Python's {@code ast} in
 * the sandbox walks the tree (hidden directories, caches and build output skipped) and reports classes, functions,
 * methods and module or class variables of that name, with their qualified names ({@link PythonSource}).
 */
final class FindSymbolTool extends FixedSpecTool {

    static final int MAX_FILES = 50;

    private final CodeLanguages languages;

    private static ToolSpec spec(CodeLanguages languages) {
        String kinds = languages.join("a Python class, function, method or module/class variable", ", or of ",
                "a Java class, interface, enum, record, method, constructor or field");
        return new ToolSpec("find_symbol",
                "Find the declarations of " + kinds + " by its simple name; returns file, line range, kind and signature.",
                List.of(ToolParam.required("name", STRING, languages.python() ? "simple name, e.g. parse_latex or StrPrinter" : "simple name, e.g. parseHeader or HttpClient"),
                        ToolParam.optional("path", STRING, "directory or file to look in (default: the whole repository)")));
    }

    FindSymbolTool(CodeLanguages languages) {
        super(spec(languages));
        this.languages = languages;
    }

    @Override
    public Observation run(ToolArgs args, ToolContext ctx) {
        String name = args.string("name").strip();
        boolean java = languages.java();
        if (!name.matches(java ? "[A-Za-z_$][A-Za-z0-9_$]*" : "[A-Za-z_][A-Za-z0-9_]*")) {
            throw new ToolInputException("find_symbol: not " + (java ? "a Java" : "a Python") + " identifier: '" + name + "'");
        }
        String path = ctx.resolve(args.optString("path").orElse("."));
        if (SandboxFiles.kind(ctx, path) == SandboxFiles.Kind.NONE) {
            throw new ToolInputException("find_symbol: no such file or directory: " + ctx.display(path));
        }
        var sb = new StringBuilder();
        if (languages.python()) sb.append(PythonSource.find(ctx, name, path));
        if (java) sb.append(findJava(ctx, name, path));
        if (sb.isEmpty()) {
            return Observation.ok("No declaration named '" + name + "' found in " + ctx.display(path) + " ("
                    + languages.extensions() + " files).");
        }
        return Observation.ok(sb.toString());
    }

    private static String findJava(ToolContext ctx, String name, String path) {
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
        return found == 0 && files.size() <= MAX_FILES ? "" : sb.toString();
    }
}

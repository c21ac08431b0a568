package dev.fixpoint.agent.tool;

import dev.fixpoint.models.ToolParam;
import dev.fixpoint.models.ToolSpec;
import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.SandboxException;

import java.time.Duration;
import java.util.List;

import static dev.fixpoint.models.ToolParam.Type.BOOLEAN;
import static dev.fixpoint.models.ToolParam.Type.STRING;

/** Text or regex search across the repository (grep), as {@code file:line: text}, capped. */
final class SearchTool extends FixedSpecTool {

    static final int MAX_RESULTS = 200, MAX_LINE = 300;

    SearchTool() {
        super(new ToolSpec("search",
                "Search file contents for a text (or an extended regex) and return file:line: matching line. Binary files, "
                        + ".git and build/cache directories are skipped; at most " + MAX_RESULTS + " results.",
                List.of(ToolParam.required("pattern", STRING, "text to find (exact, case-sensitive unless regex)"),
                        ToolParam.optional("path", STRING, "file or directory to search (default: the whole repository)"),
                        ToolParam.optional("regex", BOOLEAN, "treat pattern as a POSIX extended regex (default false)"),
                        ToolParam.optional("include", STRING, "only files whose name matches this glob, e.g. *.py"))));
    }

    @Override
    public Observation run(ToolArgs args, ToolContext ctx) {
        String pattern = args.string("pattern");
        if (pattern.isEmpty()) throw new ToolInputException("search: the pattern is empty");
        String path = ctx.resolve(args.optString("path").orElse("."));
        boolean regex = args.bool("regex", false);
        String include = args.optString("include").map(g -> " --include=" + Text.quote(g)).orElse("");
        // grep's exit status goes to stderr as the last line, since head would hide it.
        String cmd = "{ grep -rnI --exclude-dir=.git --exclude-dir=__pycache__ --exclude-dir=node_modules "
                + "--exclude-dir=.pytest_cache --exclude-dir=target " + (regex ? "-E" : "-F") + include
                + " -e " + Text.quote(pattern) + " -- " + Text.quote(path) + "; echo \"grep-exit=$?\" >&2; } | head -n " + (MAX_RESULTS + 1);
        ExecResult r = ctx.sandbox().exec(cmd, ctx.boundedTimeout(Duration.ofSeconds(60)));
        int grepExit = grepExit(r.stderr());
        if (grepExit == 1) return Observation.ok("No matches for " + describe(pattern, regex) + " in " + ctx.display(path) + ".");
        if (grepExit >= 2 && grepExit < 128 && r.stdout().isEmpty()) {
            String why = r.stderr().replaceAll("(?m)^grep-exit=\\d+\\s*$", "").strip();
            throw new ToolInputException("search failed: " + (why.isEmpty() ? "exit " + grepExit : why));
        }
        if (r.timedOut()) throw new ToolInputException("search timed out; narrow it with path or include");
        if (grepExit < 0 && !r.ok()) throw new SandboxException(ctx.sandbox().id() + ": search command failed: " + r.combined());
        String[] lines = r.stdout().split("\n");
        return Observation.ok(Text.capped(lines, MAX_RESULTS, l -> Text.clip(Text.below(ctx.workdir(), l), MAX_LINE),
                "matches; narrow the search with path or include"));
    }

    private static String describe(String pattern, boolean regex) {
        return (regex ? "regex " : "") + "'" + Text.clip(pattern, 80) + "'";
    }

    private static int grepExit(String stderr) {
        int i = stderr.lastIndexOf("grep-exit=");
        if (i < 0) return -1;
        String digits = stderr.substring(i + "grep-exit=".length()).strip();
        return digits.matches("\\d+") ? Integer.parseInt(digits) : -1;
    }
}

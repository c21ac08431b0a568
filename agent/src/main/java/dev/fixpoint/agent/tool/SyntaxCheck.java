package dev.fixpoint.agent.tool;

import dev.fixpoint.agent.AgentException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The checks of an edited file, as the edit tool shows them. Python: a shell command run in the sandbox right after
 * the write, in the same exec: with {@link EditChecks#python()} the script {@code pycheck.py} (a resource, given to
 * {@code python3 -} through a here-document, so nothing is written into the repository) checks syntax, undefined names
 * and imports against the copy kept for undo; without it, a plain compile without bytecode. Java: javaparser on the
 * host (syntax), then with {@link EditChecks#java()} {@link JavaNameCheck} (names). Other files: none.
 */
final class SyntaxCheck {

    private static final String PY_COMPILE =
            "python3 -c 'import sys; compile(open(sys.argv[1], encoding=\"utf-8\").read(), sys.argv[1], \"exec\")' ";
    private static final String PYCHECK_RESOURCE = "/dev/fixpoint/agent/tool/pycheck.py";
    private static final String END = "__FIXPOINT_PYCHECK_END__";
    private static final String PYCHECK = script();

    /** Exit codes of pycheck.py. */
    static final int PY_PROBLEMS = 1, PY_SYNTAX = 2, PY_NOT_CHECKED = 4;

    private SyntaxCheck() {}

    /** Shell command to run in the sandbox after writing {@code path}, or "" if none. */
    static String sandboxCommand(ToolContext ctx, String path, EditChecks checks) {
        if (!path.endsWith(".py")) return "";
        if (!checks.python()) return PY_COMPILE + Text.quote(path);
        return "cd " + Text.quote(ctx.workdir()) + " && python3 - " + Text.quote(ctx.display(path)) + " "
                + Text.quote(UndoStore.copyOf(ctx, path)) + " <<'" + END + "'\n" + PYCHECK + END;
    }

    /** What the edit tool appends to its observation for a checked file: empty when all is well. */
    static Optional<String> report(ToolContext ctx, String path, String content, Optional<String> before,
                                   SandboxFiles.Written written, EditChecks checks) {
        String shown = ctx.display(path);
        String output = written.checkFailure();
        if (path.endsWith(".py") && !output.isEmpty()) {
            if (checks.python() && written.checkExit() == PY_PROBLEMS) return Optional.of(names(shown, output));
            if (checks.python() && written.checkExit() == PY_NOT_CHECKED) return Optional.of("Names in " + shown + " were " + output.strip());
            return Optional.of(syntax(shown, lastLines(output, 8)));
        }
        if (!path.endsWith(".java")) return Optional.empty();
        var problems = JavaSource.parse(content).problems();
        if (!problems.isEmpty()) return Optional.of(syntax(shown, String.join("\n", problems)));
        if (!checks.java()) return Optional.empty();
        Optional<List<String>> found = JavaNameCheck.inSandbox(ctx, path, content, before);
        if (found.isEmpty()) return Optional.of("Names in " + shown + " were not checked: the repository's Java files could not be listed.");
        return found.get().isEmpty() ? Optional.empty() : Optional.of(names(shown, String.join("\n", found.get())));
    }

    private static String syntax(String shown, String problems) {
        return "Syntax check of " + shown + " FAILED (the edit was applied; fix it or use undo):\n" + problems;
    }

    private static String names(String shown, String problems) {
        long n = problems.strip().lines().count();
        return "Static check of " + shown + ": " + n + (n == 1 ? " problem" : " problems")
                + " this edit introduced (the edit was applied; fix " + (n == 1 ? "it" : "them") + " or use undo):\n" + problems.strip();
    }

    /** The last lines of a failed sandbox check (python's error is at the end). */
    static String lastLines(String s, int n) {
        String[] lines = s.strip().split("\n");
        return String.join("\n", Arrays.copyOfRange(lines, Math.max(0, lines.length - n), lines.length));
    }

    private static String script() {
        try (InputStream in = SyntaxCheck.class.getResourceAsStream(PYCHECK_RESOURCE)) {
            if (in == null) throw new AgentException("resource missing: " + PYCHECK_RESOURCE);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!text.endsWith("\n") || text.contains(END)) throw new AgentException(PYCHECK_RESOURCE + " must end with a newline and not contain " + END);
            return text;
        } catch (IOException e) {
            throw new AgentException("cannot read resource " + PYCHECK_RESOURCE + ": " + e.getMessage(), e);
        }
    }
}

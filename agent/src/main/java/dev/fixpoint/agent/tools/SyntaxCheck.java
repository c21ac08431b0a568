package dev.fixpoint.agent.tools;

import dev.fixpoint.agent.ToolContext;
import dev.fixpoint.sandbox.ExecRequest;
import dev.fixpoint.sandbox.ExecResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * Checks an edited file's syntax: .java with javaparser on the host (no process), .py by compiling it in the sandbox
 * without writing bytecode. Other files are not checked.
 */
final class SyntaxCheck {

    private static final Logger log = LoggerFactory.getLogger(SyntaxCheck.class);
    private static final String PY_COMPILE =
            "python3 -c 'import sys; compile(open(sys.argv[1], encoding=\"utf-8\").read(), sys.argv[1], \"exec\")' ";

    private SyntaxCheck() {}

    /** A description of the syntax problems, or empty if the file parses (or is of a kind not checked). */
    static Optional<String> check(ToolContext ctx, String path, String content) {
        if (path.endsWith(".java")) {
            var problems = JavaSource.parse(content).problems();
            return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", problems));
        }
        if (path.endsWith(".py")) {
            ExecResult r = ctx.sandbox().exec(ExecRequest.of(PY_COMPILE + Text.quote(path), Duration.ofSeconds(30)));
            if (r.exitCode() == 127) {
                log.debug("{}: python3 not found, {} not syntax-checked", ctx.sandbox().id(), path);
                return Optional.empty();
            }
            if (!r.ok()) return Optional.of(lastLines(r.combined(), 8));
        }
        return Optional.empty();
    }

    private static String lastLines(String s, int n) {
        String[] lines = s.strip().split("\n");
        int from = Math.max(0, lines.length - n);
        return String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length));
    }
}

package dev.fixpoint.agent.tool;

import java.util.Arrays;
import java.util.Optional;

/**
 * Syntax checks of edited files: .java with javaparser on the host (no process), .py by compiling it in the sandbox
 * without writing bytecode (a shell command run right after the write, in the same exec). Other files: none.
 */
final class SyntaxCheck {

    private static final String PY_COMPILE =
            "python3 -c 'import sys; compile(open(sys.argv[1], encoding=\"utf-8\").read(), sys.argv[1], \"exec\")' ";

    private SyntaxCheck() {}

    /** Shell command to run in the sandbox after writing {@code path}, or "" if none. */
    static String sandboxCommand(String path) {
        return path.endsWith(".py") ? PY_COMPILE + Text.quote(path) : "";
    }

    /** Problems found on the host, or empty. */
    static Optional<String> hostCheck(String path, String content) {
        if (!path.endsWith(".java")) return Optional.empty();
        var problems = JavaSource.parse(content).problems();
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", problems));
    }

    /** The last lines of a failed sandbox check (python's error is at the end). */
    static String lastLines(String s, int n) {
        String[] lines = s.strip().split("\n");
        return String.join("\n", Arrays.copyOfRange(lines, Math.max(0, lines.length - n), lines.length));
    }
}

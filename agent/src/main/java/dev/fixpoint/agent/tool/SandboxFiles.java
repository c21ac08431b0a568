package dev.fixpoint.agent.tool;

import dev.fixpoint.sandbox.ExecRequest;
import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.SandboxException;

import java.time.Duration;
import java.util.Optional;

/**
 * File access for tools, one sandbox exec per question (each exec is a round trip: fewer is faster), with
 * model-facing errors for missing, binary or oversized files.
 */
final class SandboxFiles {

    enum Kind { FILE, DIR, NONE }

    /** What is at a path; {@code content} is the text of a regular file, else null. */
    record Read(Kind kind, String content, boolean truncated) {}

    private static final Duration QUICK = Duration.ofSeconds(30);

    private SandboxFiles() {}

    /** The kind of the path and, for a regular file, its content: one exec. */
    static Read read(ToolContext ctx, String path) {
        String p = Text.quote(path);
        ExecResult r = ctx.sandbox().exec("if [ -d " + p + " ]; then echo DIR; elif [ -f " + p + " ]; then echo FILE; cat -- " + p
                + "; else echo NONE; fi", QUICK);
        if (!r.ok()) throw new SandboxException(ctx.sandbox().id() + ": cannot read " + path + ": exit " + r.exitCode() + ": " + r.stderr());
        String out = r.stdout();
        int nl = out.indexOf('\n');
        if (nl < 0) throw new SandboxException(ctx.sandbox().id() + ": unexpected output reading " + path + ": " + Text.clip(out, 200));
        Kind kind = Kind.valueOf(out.substring(0, nl));
        return new Read(kind, kind == Kind.FILE ? out.substring(nl + 1) : null, r.truncated());
    }

    static Kind kind(ToolContext ctx, String path) {
        String p = Text.quote(path);
        ExecResult r = ctx.sandbox().exec("if [ -d " + p + " ]; then echo DIR; elif [ -f " + p + " ]; then echo FILE; else echo NONE; fi", QUICK);
        if (!r.ok()) throw new SandboxException(ctx.sandbox().id() + ": cannot stat " + path + ": " + r.combined());
        return Kind.valueOf(r.stdout().strip());
    }

    /** The text of an existing regular file, or a {@link ToolInputException} saying why the model cannot have it. */
    static String readText(ToolContext ctx, String path, String tool) {
        return text(ctx, read(ctx, path), path, tool);
    }

    static String text(ToolContext ctx, Read read, String path, String tool) {
        if (read.kind() == Kind.NONE) throw new ToolInputException(tool + ": no such file: " + ctx.display(path));
        if (read.kind() == Kind.DIR) throw new ToolInputException(tool + ": " + ctx.display(path) + " is a directory, not a file");
        if (read.truncated()) {
            throw new ToolInputException(tool + ": " + ctx.display(path) + " is too large to show; use bash with grep, head or sed -n");
        }
        if (!isText(read.content())) throw new ToolInputException(tool + ": " + ctx.display(path) + " is not a UTF-8 text file");
        return read.content();
    }

    /** Text without NUL bytes or undecodable bytes (the sandbox replaces those with U+FFFD). */
    static boolean isText(String s) {
        return s.indexOf('\0') < 0 && s.indexOf('\uFFFD') < 0;
    }

    /** Decodes bytes read with {@code Sandbox.readFile} when they are UTF-8 text. */
    static Optional<String> decode(byte[] bytes) {
        for (byte b : bytes) if (b == 0) return Optional.empty();
        try {
            return Optional.of(java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString());
        } catch (java.nio.charset.CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes {@code content} to {@code path} in one exec: remembers the previous state for undo ({@link UndoStore}),
     * creates parent directories, writes through stdin, then runs {@code check} (a shell command, may be empty) and
     * returns its output, or empty if it passed.
     *
     * @return whether the file existed before, and the check's failure output if any
     */
    static Written write(ToolContext ctx, String path, String content, String check) {
        String p = Text.quote(path);
        String script = UndoStore.saveScript(ctx, path)
                + "mkdir -p \"$(dirname " + p + ")\" && cat > " + p + " || exit 90\n"
                + "echo __WRITTEN__\n"
                + (check.isEmpty() ? "" : check + "\n");
        ExecResult r = ctx.sandbox().exec(ExecRequest.of(script, QUICK).withStdin(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String out = r.stdout();
        int marker = out.indexOf("__WRITTEN__\n");
        if (marker < 0) {
            throw new ToolInputException("edit: cannot write " + ctx.display(path) + ": " + Text.clip(r.stderr().strip(), 500));
        }
        boolean existed = out.startsWith(UndoStore.EXISTED);
        String checkOutput = r.exitCode() == 0 ? "" : (out.substring(marker + "__WRITTEN__\n".length()) + r.stderr()).strip();
        return r.exitCode() == 127 ? new Written(existed, "", 0) : new Written(existed, checkOutput, r.exitCode());
    }

    /** Whether the file existed before; the check's output and exit code when it failed ("" and 0 when it passed or could not run). */
    record Written(boolean existed, String checkFailure, int checkExit) {}
}

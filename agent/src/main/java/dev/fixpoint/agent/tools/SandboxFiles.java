package dev.fixpoint.agent.tools;

import dev.fixpoint.agent.ToolContext;
import dev.fixpoint.agent.ToolInputException;
import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.SandboxException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** File questions answered through the sandbox, with model-facing errors for missing or unreadable files. */
final class SandboxFiles {

    enum Kind { FILE, DIR, NONE }

    static final long MAX_TEXT_BYTES = 2L << 20;
    private static final Duration QUICK = Duration.ofSeconds(30);

    private SandboxFiles() {}

    static Kind kind(ToolContext ctx, String path) {
        String p = Text.quote(path);
        ExecResult r = ctx.sandbox().exec("if [ -d " + p + " ]; then echo DIR; elif [ -f " + p + " ]; then echo FILE; else echo NONE; fi", QUICK);
        if (!r.ok()) throw new SandboxException(ctx.sandbox().id() + ": cannot stat " + path + ": " + r.combined());
        return Kind.valueOf(r.stdout().strip());
    }

    /** The text of an existing regular file, or a {@link ToolInputException} saying why the model cannot have it. */
    static String readText(ToolContext ctx, String path, String tool) {
        Kind k = kind(ctx, path);
        if (k == Kind.NONE) throw new ToolInputException(tool + ": no such file: " + ctx.display(path));
        if (k == Kind.DIR) throw new ToolInputException(tool + ": " + ctx.display(path) + " is a directory, not a file");
        byte[] bytes = ctx.sandbox().readFile(path);
        if (bytes.length > MAX_TEXT_BYTES) {
            throw new ToolInputException(tool + ": " + ctx.display(path) + " is too large (" + bytes.length + " bytes); use bash with grep, head or sed -n");
        }
        return decode(bytes).orElseThrow(() -> new ToolInputException(tool + ": " + ctx.display(path) + " is not a UTF-8 text file"));
    }

    static java.util.Optional<String> decode(byte[] bytes) {
        for (byte b : bytes) if (b == 0) return java.util.Optional.empty();
        try {
            return java.util.Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return java.util.Optional.empty();
        }
    }
}

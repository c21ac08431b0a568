package dev.fixpoint.agent.tool;

import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.SandboxException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * One level of undo per file, kept in the sandbox under {@code stateDir/undo}: a copy of the file before its last
 * edit ({@code KEY}), or a marker that the edit created it ({@code KEY.absent}). It lives with the sandbox, so the
 * tools stay stateless; saving is a shell fragment run in the same exec as the write.
 */
final class UndoStore {

    static final String EXISTED = "EXISTED\n", CREATED = "CREATED\n";

    /** What undo did. */
    enum Undone { RESTORED, REMOVED, NOTHING }

    private UndoStore() {}

    /** Shell lines that save the current state of {@code path} and print EXISTED or CREATED. */
    static String saveScript(ToolContext ctx, String path) {
        String p = Text.quote(path), k = Text.quote(key(ctx, path)), absent = Text.quote(key(ctx, path) + ".absent");
        return "mkdir -p " + Text.quote(ctx.stateDir() + "/undo") + " || exit 91\n"
                + "if [ -f " + p + " ]; then cp -p " + p + " " + k + " && rm -f " + absent + " || exit 92; echo EXISTED; "
                + "else rm -f " + k + " && : > " + absent + " || exit 92; echo CREATED; fi\n";
    }

    /** Restores the state before the last edit of {@code path}, in one exec. */
    static Undone undo(ToolContext ctx, String path) {
        String p = Text.quote(path), k = Text.quote(key(ctx, path)), absent = Text.quote(key(ctx, path) + ".absent");
        ExecResult r = ctx.sandbox().exec("if [ -f " + k + " ]; then cp -p " + k + " " + p + " && rm -f " + k + " && echo RESTORED; "
                + "elif [ -f " + absent + " ]; then rm -f " + p + " " + absent + " && echo REMOVED; else echo NOTHING; fi", Duration.ofSeconds(30));
        if (!r.ok()) throw new SandboxException(ctx.sandbox().id() + ": undo of " + path + " failed: " + r.combined());
        return Undone.valueOf(r.stdout().strip());
    }

    /** Where the copy of {@code path} before its last edit is kept (absent if the edit created the file). */
    static String copyOf(ToolContext ctx, String path) {
        return key(ctx, path);
    }

    private static String key(ToolContext ctx, String path) {
        return ctx.stateDir() + "/undo/" + Base64.getUrlEncoder().withoutPadding().encodeToString(path.getBytes(StandardCharsets.UTF_8));
    }
}

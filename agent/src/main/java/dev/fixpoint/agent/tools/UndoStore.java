package dev.fixpoint.agent.tools;

import dev.fixpoint.agent.ToolContext;
import dev.fixpoint.sandbox.ExecResult;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * One level of undo per file, kept in the sandbox under {@code stateDir/undo}: a copy of the file before its last
 * edit, or a marker saying the edit created it. Lives with the sandbox, so tools stay stateless.
 */
final class UndoStore {

    private static final byte PRESENT = 'P', ABSENT = 'A';

    private UndoStore() {}

    /** Remembers {@code before} (null = the file did not exist) as the state to undo back to. */
    static void push(ToolContext ctx, String path, String before) {
        byte[] body = before == null ? new byte[0] : before.getBytes(StandardCharsets.UTF_8);
        byte[] record = new byte[body.length + 1];
        record[0] = before == null ? ABSENT : PRESENT;
        System.arraycopy(body, 0, record, 1, body.length);
        ctx.sandbox().writeFile(key(ctx, path), record);
    }

    /**
     * Takes the remembered state: empty Optional if there is nothing to undo; an Optional holding an empty Optional if
     * the last edit created the file; else the previous content.
     */
    static Optional<Optional<String>> pop(ToolContext ctx, String path) {
        String key = key(ctx, path);
        ExecResult r = ctx.sandbox().exec("test -f " + Text.quote(key), Duration.ofSeconds(30));
        if (r.exitCode() != 0) return Optional.empty();
        byte[] record = ctx.sandbox().readFile(key);
        ctx.sandbox().exec("rm -f " + Text.quote(key), Duration.ofSeconds(30));
        if (record.length == 0 || record[0] == ABSENT) return Optional.of(Optional.empty());
        return Optional.of(Optional.of(new String(record, 1, record.length - 1, StandardCharsets.UTF_8)));
    }

    private static String key(ToolContext ctx, String path) {
        return ctx.stateDir() + "/undo/" + Base64.getUrlEncoder().withoutPadding().encodeToString(path.getBytes(StandardCharsets.UTF_8));
    }
}

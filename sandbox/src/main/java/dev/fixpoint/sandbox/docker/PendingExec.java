package dev.fixpoint.sandbox.docker;

import java.util.concurrent.CompletableFuture;

/** One request in flight on a runner: its two output streams and the futures the caller waits on. */
final class PendingExec {

    final String token;
    final MarkerStream stdout;
    final MarkerStream stderr;
    /** Completes when both streams saw the end marker; fails if the runner dies first. */
    final CompletableFuture<Void> done = new CompletableFuture<>();
    /** The command's process group id, as soon as the runner reports it. */
    final CompletableFuture<Long> pid = new CompletableFuture<>();

    PendingExec(String token, long cap) {
        this.token = token;
        this.stdout = new MarkerStream(token, cap);
        this.stderr = new MarkerStream(token, cap);
    }

    /** Called on the stream reader thread. */
    void onStdout(byte[] payload) {
        stdout.accept(payload);
        if (stdout.pid() > 0 && !pid.isDone()) pid.complete(stdout.pid());
        checkDone();
    }

    void onStderr(byte[] payload) {
        stderr.accept(payload);
        checkDone();
    }

    void fail(Throwable cause) {
        pid.completeExceptionally(cause);
        done.completeExceptionally(cause);
    }

    private void checkDone() {
        if (stdout.done() && stderr.done()) done.complete(null);
    }
}

package dev.fixpoint.sandbox.runner;

import java.util.concurrent.CompletableFuture;

/** One request in flight on a runner: its two output streams and the futures the caller waits on. */
public final class PendingExec {

    public final String token;
    public final MarkerStream stdout;
    public final MarkerStream stderr;
    /** Completes when both streams saw the end marker; fails if the runner dies first. */
    public final CompletableFuture<Void> done = new CompletableFuture<>();
    /** The command's process group id, as soon as the runner reports it. */
    public final CompletableFuture<Long> pid = new CompletableFuture<>();

    public PendingExec(String token, long cap) {
        this.token = token;
        this.stdout = new MarkerStream(token, cap);
        this.stderr = new MarkerStream(token, cap);
    }

    /** Called on the stream reader thread. */
    public void onStdout(byte[] payload) {
        stdout.accept(payload);
        if (stdout.pid() > 0 && !pid.isDone()) pid.complete(stdout.pid());
        checkDone();
    }

    public void onStderr(byte[] payload) {
        stderr.accept(payload);
        checkDone();
    }

    public void fail(Throwable cause) {
        pid.completeExceptionally(cause);
        done.completeExceptionally(cause);
    }

    private void checkDone() {
        if (stdout.done() && stderr.done()) done.complete(null);
    }
}

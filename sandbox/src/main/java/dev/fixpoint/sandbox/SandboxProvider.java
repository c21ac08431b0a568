package dev.fixpoint.sandbox;

/** Starts sandboxes. Implementations are thread-safe and shared by all rollouts. */
public interface SandboxProvider extends AutoCloseable {

    /** Starts a sandbox ready for {@link Sandbox#exec}. */
    Sandbox start(SandboxSpec spec);

    /** Removes containers left by runs whose process is gone (or all Fixpoint containers if {@code all}); returns how many. */
    int prune(boolean all);

    @Override
    void close();
}

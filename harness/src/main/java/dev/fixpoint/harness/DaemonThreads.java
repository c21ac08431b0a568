package dev.fixpoint.harness;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread factories for worker pools: daemon threads (they never keep the JVM alive) named PREFIX-1, PREFIX-2, ... */
public final class DaemonThreads {

    private DaemonThreads() {}

    /** A factory of daemon threads named {@code prefix-N}, N counting from 1. */
    public static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

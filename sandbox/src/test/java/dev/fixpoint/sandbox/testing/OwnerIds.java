package dev.fixpoint.sandbox.testing;

import dev.fixpoint.sandbox.runner.OwnerId;

import java.io.IOException;

/** Owner labels for leftover sandboxes, as a killed invocation leaves them. */
public final class OwnerIds {

    private OwnerIds() {}

    /** The owner label of a process of this host that has exited ({@code host:pid}). */
    public static String ofExitedProcess() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return OwnerId.current().host() + ":" + p.pid();
    }
}

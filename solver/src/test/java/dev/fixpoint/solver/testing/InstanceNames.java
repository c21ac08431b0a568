package dev.fixpoint.solver.testing;

import dev.fixpoint.tasks.Task;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The registry name of a task's instance image as the README documents it, written out here apart from the code
 * that computes it: {@code R/fixpoint/instance:<instance id, lower case>-<first 12 hex of sha256(environment image,
 * repo, base commit, "v3")>}. What the push step pushes and what a batch without Docker pulls must both equal it.
 */
public final class InstanceNames {

    private InstanceNames() {}

    /** The tag of {@code task}'s instance image (the task has its environment). */
    public static String tag(Task task) {
        String id = task.instanceId().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        String key = task.environment().image() + "\n" + task.repo() + "\n" + task.baseCommit() + "\nv3";
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return id + "-" + HexFormat.of().formatHex(sha).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code registry/fixpoint/instance:<tag>}. */
    public static String remote(String registry, Task task) {
        return registry + "/fixpoint/instance:" + tag(task);
    }
}

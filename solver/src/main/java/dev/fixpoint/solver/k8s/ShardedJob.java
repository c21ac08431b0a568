package dev.fixpoint.solver.k8s;

import dev.fixpoint.sandbox.ImageRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A sharded batch on a Kubernetes cluster, as one Indexed Job: {@code shards} pods in all, {@code parallelism} at a
 * time, pod {@code k} running {@code fixpoint batch --shard k+1/shards} on the task file and writing its run directory
 * to {@code outRoot/shard-<k+1>-of-<shards>} on the persistent volume claim {@code volumeClaim} mounted at
 * {@code mountPath}. Validated on construction: names are DNS-1123 labels, paths absolute; every message names the
 * option and the bad value.
 *
 * @param name          the Job's name (and the prefix of its ServiceAccount, Role and RoleBinding)
 * @param namespace     where the Job and the pod sandboxes run
 * @param image         the fixpoint image the pods run (pullable by the cluster)
 * @param registry      {@code HOST[:PORT][/PREFIX]} holding the tasks' instance images, pushed beforehand by
 *                      {@code fixpoint images push} (the pods have no Docker daemon to make them)
 * @param tasksFile     the task file, as a path inside the pod (on the volume, or in the image)
 * @param shards        number of shards (Job completions)
 * @param parallelism   shards running at once
 * @param volumeClaim   the PersistentVolumeClaim holding the run directories
 * @param mountPath     where the claim is mounted in the pods
 * @param outRoot       the directory under which each shard writes {@code shard-<i>-of-<n>}
 * @param command       the fixpoint executable in the image
 * @param sandboxFlags  the sandbox provider's options given to every pod's batch, {@code {namespace}} and
 *                      {@code {registry}} replaced
 * @param batchArgs     further {@code fixpoint batch} options (model, rollouts, mirrors, ...), passed as they are
 * @param secret        a Secret whose keys become the pods' environment (model API keys), or null for none
 */
public record ShardedJob(String name, String namespace, String image, String registry, String tasksFile, int shards, int parallelism,
                         String volumeClaim, String mountPath, String outRoot, String command, String sandboxFlags,
                         List<String> batchArgs, String secret) {

    /**
     * The sandbox flags when none are given: the Kubernetes provider in the Job's namespace, the instance images pulled from
     * the registry they were pushed to, none baked (the pods have no Docker daemon).
     */
    public static final String DEFAULT_SANDBOX_FLAGS = "--kubernetes --namespace {namespace} --registry {registry} --prebuilt-images";

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final Pattern IMAGE = Pattern.compile("(?:[A-Za-z0-9.-]+(?::[0-9]+)?/)?" + COMPONENT + "(?:/" + COMPONENT + ")*"
            + "(?::[\\w][\\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?");
    /** Room for the longest suffix this manifest appends to the name ({@code -runner}). */
    private static final int NAME_MAX = 63 - "-runner".length();

    public ShardedJob {
        List<String> problems = new ArrayList<>();
        label("--name", name, NAME_MAX, problems);
        label("--namespace", namespace, 63, problems);
        if (volumeClaim == null || volumeClaim.length() > 253 || !SUBDOMAIN.matcher(volumeClaim).matches()) {
            problems.add("--out-volume '" + volumeClaim + "' is not a valid PersistentVolumeClaim name (DNS-1123 subdomain: "
                    + "lower-case letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters)");
        }
        if (secret != null && (secret.length() > 253 || !SUBDOMAIN.matcher(secret).matches())) {
            problems.add("--secret '" + secret + "' is not a valid Secret name (DNS-1123 subdomain: lower-case letters, digits, "
                    + "'-' and '.', at most 253 characters)");
        }
        if (image == null || !IMAGE.matcher(image).matches()) {
            problems.add("--image '" + image + "' is not an image reference [HOST[:PORT]/]PATH[:TAG][@sha256:DIGEST] with a "
                    + "lower-case path (e.g. 127.0.0.1:5000/fixpoint/fixpoint:0.1.0)");
        }
        try {
            ImageRegistry.remoteName(registry, "fixpoint/check:x");
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage() + ": where fixpoint images push put the instance images");
        }
        if (shards < 1) problems.add("--shards must be at least 1, not " + shards);
        if (parallelism < 1 || parallelism > Math.max(shards, 1)) {
            problems.add("--parallelism must be between 1 and --shards (" + shards + "), not " + parallelism);
        }
        absolute("--tasks", tasksFile, problems);
        absolute("--mount", mountPath, problems);
        absolute("--out-dir", outRoot, problems);
        if (command == null || command.isBlank()) problems.add("--command must name the fixpoint executable in the image");
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("\n", problems));
        sandboxFlags = sandboxFlags == null ? DEFAULT_SANDBOX_FLAGS : sandboxFlags;
        batchArgs = List.copyOf(batchArgs);
    }

    /** The Job's ServiceAccount, Role and RoleBinding name. */
    public String serviceAccount() {
        return name + "-runner";
    }

    /** The sandbox flags with the namespace and the registry filled in. */
    public String resolvedSandboxFlags() {
        return sandboxFlags.replace("{namespace}", namespace).replace("{registry}", registry);
    }

    private static void label(String option, String value, int max, List<String> problems) {
        if (value == null || value.length() > max || !LABEL.matcher(value).matches()) {
            problems.add(option + " '" + value + "' is not a valid Kubernetes name (DNS-1123 label: lower-case letters, digits "
                    + "and '-', starting and ending with a letter or digit, at most " + max + " characters)");
        }
    }

    private static void absolute(String option, String path, List<String> problems) {
        if (path == null || !path.startsWith("/")) {
            problems.add(option + " '" + path + "' must be an absolute path inside the pod (e.g. /runs/tasks.jsonl)");
        }
    }
}

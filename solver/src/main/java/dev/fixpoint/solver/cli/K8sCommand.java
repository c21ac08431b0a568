package dev.fixpoint.solver.cli;

import dev.fixpoint.solver.k8s.JobManifest;
import dev.fixpoint.solver.k8s.ShardedJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code fixpoint k8s}: Kubernetes manifests for running fixpoint on a cluster. */
@Command(name = "k8s",
        description = "Kubernetes manifests for running fixpoint on a cluster (see the README's Kubernetes section).",
        subcommands = {K8sCommand.Job.class})
public final class K8sCommand extends GroupCommand {

    /** {@code fixpoint k8s job}: prints the Indexed Job manifest of a sharded batch. */
    @Command(name = "job", mixinStandardHelpOptions = true,
            description = {"Prints (stdout) a manifest for kubectl apply -f -: an Indexed Job of --shards pods, pod k running "
                    + "`fixpoint batch --shard k+1/N --tasks F --out OUT_DIR/shard-<k+1>-of-N` plus the sandbox options and the "
                    + "BATCH_ARGS given after --, with the run directories on a PersistentVolumeClaim; and the ServiceAccount, "
                    + "Role (pods, pods/exec, pods/log, networkpolicies) and RoleBinding the pods need.",
                    "The sandbox options are a template (--sandbox-flags): edit them here or in the printed Job. Names are checked "
                            + "(DNS-1123) before anything is printed. When all pods succeeded, `fixpoint merge` the shards' directories.",
                    "First push the tasks' images: fixpoint images push --tasks tasks.jsonl --registry 127.0.0.1:5000/fixpoint (same"
                            + " task file, specs and mirrors as the pods read).",
                    "Example: fixpoint k8s job --tasks /runs/tasks.jsonl --shards 4 --image 127.0.0.1:5000/fixpoint/fixpoint:0.1.0 "
                            + "--registry 127.0.0.1:5000/fixpoint --namespace fixpoint --out-volume fixpoint-runs -- --model openai:gpt-4.1 --rollouts 8 --workers 8"},
            exitCodeListHeading = ExitCodes.HEADING,
            exitCodeList = {"0:manifest printed", "2:bad usage: a bad name, path or number (every problem is listed)"})
    static final class Job implements Callable<Integer> {

        @Option(names = "--tasks", required = true, paramLabel = "F", description = "the task file as a path inside the pods (on the volume or in the image)")
        String tasks;

        @Option(names = "--shards", required = true, paramLabel = "N", description = "number of shards (Job completions)")
        int shards;

        @Option(names = "--image", required = true, paramLabel = "IMG", description = "the fixpoint image, pullable by the cluster (scripts/build-fixpoint-image)")
        String image;

        @Option(names = "--registry", required = true, paramLabel = "HOST/PREFIX",
                description = "the registry holding the tasks' instance images, pushed there first with `fixpoint images push --tasks F "
                        + "--registry HOST/PREFIX` on a machine with Docker (the pods have none); the pods' batch pulls them from there")
        String registry;

        @Option(names = "--name", defaultValue = "fixpoint-batch", paramLabel = "NAME", description = "the Job's name (default ${DEFAULT-VALUE})")
        String name;

        @Option(names = "--namespace", defaultValue = "default", paramLabel = "NS", description = "the namespace of the Job and the sandboxes (default ${DEFAULT-VALUE})")
        String namespace;

        @Option(names = "--parallelism", paramLabel = "P", description = "shards running at once (default: all)")
        Integer parallelism;

        @Option(names = "--out-volume", defaultValue = "fixpoint-runs", paramLabel = "PVC", description = "PersistentVolumeClaim for the run directories (default ${DEFAULT-VALUE}; ReadWriteMany when pods land on several nodes)")
        String volume;

        @Option(names = "--mount", defaultValue = "/runs", paramLabel = "PATH", description = "where the claim is mounted in the pods (default ${DEFAULT-VALUE})")
        String mount;

        @Option(names = "--out-dir", paramLabel = "PATH", description = "directory of the shards' run directories (default MOUNT/NAME)")
        String outDir;

        @Option(names = "--command", defaultValue = "fixpoint", paramLabel = "EXE", description = "the fixpoint executable in the image (default ${DEFAULT-VALUE})")
        String command;

        @Option(names = "--sandbox-flags", defaultValue = ShardedJob.DEFAULT_SANDBOX_FLAGS, paramLabel = "FLAGS",
                description = "the sandbox provider options of every pod's batch, {namespace} and {registry} replaced (default: ${DEFAULT-VALUE})")
        String sandboxFlags;

        @Option(names = "--secret", paramLabel = "NAME", description = "a Secret whose keys become the pods' environment (e.g. OPENAI_API_KEY)")
        String secret;

        @Parameters(paramLabel = "BATCH_ARGS", arity = "0..*", description = "after --: further fixpoint batch options, passed as given")
        List<String> batchArgs = new ArrayList<>();

        @Override
        public Integer call() {
            ShardedJob job;
            try {
                job = new ShardedJob(name, namespace, image, registry, tasks, shards, parallelism == null ? shards : parallelism, volume, mount,
                        outDir == null ? mount.replaceAll("/+$", "") + "/" + name : outDir, command, sandboxFlags, batchArgs, secret);
            } catch (IllegalArgumentException e) {
                System.err.println("fixpoint k8s job: " + e.getMessage().replace("\n", "\nfixpoint k8s job: "));
                return ExitCodes.USAGE;
            }
            System.out.print(JobManifest.yaml(job));
            return ExitCodes.OK;
        }
    }
}

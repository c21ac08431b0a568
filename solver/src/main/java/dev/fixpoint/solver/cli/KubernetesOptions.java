package dev.fixpoint.solver.cli;

import dev.fixpoint.kubernetes.KubernetesSandboxProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --kubernetes [--namespace NS] [--kube-context CTX]}: sandboxes as pods (README, section Kubernetes). */
final class KubernetesOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--kubernetes", description = "Run sandboxes as Kubernetes pods (kubeconfig or in-cluster account)"
            + " instead of Docker containers. Images must be pullable by the cluster.")
    boolean enabled;

    @Option(names = "--namespace", paramLabel = "NS", description = "With --kubernetes: namespace of the pods"
            + " (default: the context's, else \"default\").")
    String namespace;

    @Option(names = "--kube-context", paramLabel = "CTX", description = "With --kubernetes: kubeconfig context"
            + " (default: the current one).")
    String context;

    /** Refuses --namespace and --kube-context without --kubernetes (they would be ignored). */
    void check() {
        if (!enabled && (namespace != null || context != null)) {
            throw new ParameterException(command.commandLine(), "--namespace and --kube-context need --kubernetes");
        }
    }

    /** A pod provider for run {@code runId}, or null without --kubernetes. */
    KubernetesSandboxProvider open(String runId) {
        check();
        if (!enabled) return null;
        KubernetesSandboxProvider.Builder b = KubernetesSandboxProvider.builder().namespace(namespace).context(context);
        if (runId != null) b.runId(runId);
        return b.build();
    }
}

package dev.fixpoint.solver.cli;

import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.sandbox.SandboxLabels;
import dev.fixpoint.kubernetes.KubernetesSandboxProvider;
import dev.fixpoint.sandbox.docker.DockerSandboxProvider;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fixpoint sandbox ...}: housekeeping of Docker sandboxes. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Housekeeping of Fixpoint's Docker sandboxes.",
        subcommands = {SandboxCommand.Prune.class},
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = ExitCodes.NO_SUBCOMMAND_LINE)
public final class SandboxCommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "a subcommand is required (see fixpoint sandbox --help)");
    }

    /** {@code fixpoint sandbox prune [--all]}. */
    @Command(name = "prune", mixinStandardHelpOptions = true,
            description = {"Removes Fixpoint containers left by runs whose process is gone (owner label host:pid on "
                    + "this host, pid not running). With --all, removes every Fixpoint container, including those "
                    + "of runs still going.", "Prints how many containers were removed."},
            exitCodeListHeading = ExitCodes.HEADING,
            exitCodeList = {"0:done", "1:the Docker daemon (or, with --kubernetes, the cluster) could not be reached or a removal failed"})
    static final class Prune implements Callable<Integer> {

        @Option(names = "--all", description = "Remove every Fixpoint container, not only those of dead runs.")
        boolean all;

        @Option(names = "--run", paramLabel = "RUN_ID",
                description = "Only containers of this run (its run id: run.json's run_id, or --run-id given to it).")
        String run;

        @picocli.CommandLine.Mixin
        KubernetesOptions kubernetes = new KubernetesOptions();

        @Override
        public Integer call() {
            kubernetes.check();
            if (kubernetes.enabled) return prunePods();
            try (DockerSandboxProvider docker = DockerSandboxProvider.create()) {
                int n = run == null ? docker.prune(all) : docker.prune(all, Map.of(SandboxLabels.RUN, run));
                System.out.println("removed " + n + " container" + (n == 1 ? "" : "s"));
                return ExitCodes.OK;
            } catch (SandboxException e) {
                System.err.println("fixpoint sandbox prune: " + e.getMessage()
                        + (e.getCause() != null ? ": " + e.getCause().getMessage() : ""));
                return ExitCodes.FAILURE;
            }
        }

        /** {@code --kubernetes}: the same rules for pods (labels, owner host:pid) in the namespace. */
        private Integer prunePods() {
            try (KubernetesSandboxProvider pods = kubernetes.open(null)) {
                int n = run == null ? pods.prune(all) : pods.prune(all, Map.of(SandboxLabels.RUN, run));
                System.out.println("deleted " + n + " pod" + (n == 1 ? "" : "s") + " in namespace " + pods.namespace());
                return ExitCodes.OK;
            } catch (SandboxException e) {
                System.err.println("fixpoint sandbox prune --kubernetes: " + e.getMessage());
                return ExitCodes.FAILURE;
            }
        }
    }
}

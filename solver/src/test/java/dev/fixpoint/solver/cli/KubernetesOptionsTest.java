package dev.fixpoint.solver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --kubernetes [--namespace] [--kube-context]} on batch and sandbox prune. No cluster needed. */
class KubernetesOptionsTest {

    @Test
    void batchTakesTheKubernetesOptions() {
        BatchCommand batch = new BatchCommand();
        new CommandLine(batch).parseArgs("--tasks", "t.jsonl", "--out", "o", "--kubernetes", "--namespace", "ns",
                "--kube-context", "kind-fixpoint");
        assertTrue(batch.kubernetes.enabled);
        assertEquals("ns", batch.kubernetes.namespace);
        assertEquals("kind-fixpoint", batch.kubernetes.context);
    }

    @Test
    void aNamespaceWithoutKubernetesIsRefusedNotIgnored() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("sandbox", "prune", "--namespace", "ns");
        assertEquals(ExitCodes.USAGE, code, err.toString());
        assertTrue(err.toString().contains("--namespace and --kube-context need --kubernetes"), err.toString());
    }
}

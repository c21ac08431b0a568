package dev.fixpoint.solver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.solver.testing.Cli;
import dev.fixpoint.solver.testing.Samples;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --kubernetes [--namespace] [--kube-context]} on batch and sandbox prune. No cluster needed. */
class KubernetesOptionsTest {

    @Test
    void batchTakesTheKubernetesOptions() {
        BatchCommand batch = new BatchCommand();
        new CommandLine(batch).parseArgs("--tasks", "t.jsonl", "--out", "o", "--kubernetes", "--namespace", "ns",
                "--kube-context", "kind-fixpoint", "--registry", "127.0.0.1:5000/fx", "--prebuilt-images");
        assertTrue(batch.prebuilt);
        assertEquals("127.0.0.1:5000/fx", batch.registry.registry);
        assertTrue(batch.kubernetes.enabled);
        assertEquals("ns", batch.kubernetes.namespace);
        assertEquals("kind-fixpoint", batch.kubernetes.context);
    }

    @Test
    void prebuiltImagesWithoutARegistryOrPodsIsRefusedBeforeAnyWork(@TempDir Path dir) throws Exception {
        var r = Cli.run(dir.resolve("log"), Map.of(), Duration.ofMinutes(1), "batch", "--tasks", Samples.TASKS.toString(),
                "--out", dir.resolve("out").toString(), "--scripted", Samples.SCRIPTS.toString(), "--kubernetes", "--prebuilt-images");
        assertEquals(ExitCodes.USAGE, r.exit(), r.stderr());
        assertTrue(r.stderr().contains("fixpoint batch: --prebuilt-images needs --registry R (where fixpoint images push put the images) "
                + "and --kubernetes (Docker sandboxes do not pull)"), r.stderr());
        assertFalse(Files.exists(dir.resolve("out")), "nothing was run");
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

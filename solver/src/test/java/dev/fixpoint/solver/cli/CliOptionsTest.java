package dev.fixpoint.solver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The shared options mean the same everywhere; every command's help lists its exit codes. No Docker needed. */
class CliOptionsTest {

    @Test
    void everyCommandListsItsExitCodes() {
        Deque<CommandLine> todo = new ArrayDeque<>();
        todo.add(new CommandLine(new Main()));
        int seen = 0;
        while (!todo.isEmpty()) {
            CommandLine c = todo.pop();
            if (c.getCommandName().equals("help")) continue;
            String usage = c.getUsageMessage();
            assertTrue(usage.contains("Exit codes:"), c.getCommandSpec().qualifiedName() + ":\n" + usage);
            todo.addAll(c.getSubcommands().values());
            seen++;
        }
        assertTrue(seen >= 20, "commands seen: " + seen);
    }

    @Test
    void cacheIsAHiddenAliasOfCacheDir() {
        for (String flag : new String[] {"--cache", "--cache-dir"}) {
            EvalCommand eval = new EvalCommand();
            new CommandLine(eval).parseArgs("--tasks", "t.jsonl", "--gold", flag, "/tmp/mirrors");
            assertEquals(Path.of("/tmp/mirrors"), eval.repos.cacheDir, flag);
        }
        BatchCommand batch = new BatchCommand();
        new CommandLine(batch).parseArgs("--tasks", "t.jsonl", "--out", "o", "--cache", "/tmp/mirrors");
        assertEquals("/tmp/mirrors", batch.run.overrides().get("cache_dir"));
        assertFalse(new CommandLine(new EvalCommand()).getUsageMessage().contains("--cache "), "the old spelling is hidden");
    }

    @Test
    void mirrorsDefaultToTheTaskFilesSibling(@TempDir Path dir) throws Exception {
        Path tasks = Files.writeString(dir.resolve("tasks.jsonl"), "");
        assertEquals(null, RepoOptions.sibling(tasks));
        Path mirrors = Files.writeString(dir.resolve("mirrors.json"), "{}");
        assertEquals(mirrors.toAbsolutePath(), RepoOptions.sibling(tasks));
        RepoOptions given = new RepoOptions();
        new CommandLine(given).parseArgs("--mirrors", "other.json");
        assertEquals(Path.of("other.json"), given.mirrors(tasks));
    }
}

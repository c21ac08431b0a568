package dev.fixpoint.solver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The env commands and the task-loading preflight, without Docker: they fail before any container starts. */
class EnvCommandTest {

    static final String C1 = "0123456789abcdef0123456789abcdef01234567";

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new Main()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static String row(String id, String repo) {
        return "{\"instance_id\": \"" + id + "\", \"repo\": \"" + repo + "\", \"base_commit\": \"" + C1
                + "\", \"version\": \"1.0\", \"patch\": \"diff --git a/x b/x\\n\"}\n";
    }

    @Test
    void everyUnreachableRepoIsListedBeforeAnyWork(@TempDir Path dir) throws Exception {
        Path tasks = Files.writeString(dir.resolve("tasks.jsonl"), row("a-1", "acme/a") + row("a-2", "acme/a")
                + row("b-1", "acme/b"));
        Files.writeString(dir.resolve("mirrors.json"), "{\"acme/a\": \"gone-a.git\", \"acme/b\": \"gone-b.bundle\"}");
        String cache = dir.resolve("cache").toString();

        Run env = run("env", "build", "--tasks", tasks.toString(), "--cache", cache, "--logs", dir.resolve("l").toString());
        assertEquals(1, env.exit(), env.err());
        assertTrue(env.err().startsWith("fixpoint env build: 2 repositories could not be reached; nothing was run:\n"
                + "  acme/a (" + dir.resolve("gone-a.git") + ", 2 tasks): "), env.err());
        assertTrue(env.err().contains("\n  acme/b (" + dir.resolve("gone-b.bundle") + ", 1 task): "), env.err());
        assertTrue(Files.notExists(dir.resolve("l")), "no build started");

        Run eval = run("eval", "--tasks", tasks.toString(), "--mirrors", dir.resolve("mirrors.json").toString(),
                "--cache", cache, "--gold", "--out", dir.resolve("out").toString());
        assertEquals(1, eval.exit(), eval.err());
        assertTrue(eval.err().startsWith("eval: 2 repositories could not be reached; nothing was run:"), eval.err());
        assertTrue(Files.notExists(dir.resolve("out")), "nothing evaluated");
    }

    @Test
    void badSpecFileIsNamed(@TempDir Path dir) throws Exception {
        Path tasks = Files.writeString(dir.resolve("tasks.jsonl"), row("a-1", "acme/a"));
        Path specs = Files.writeString(dir.resolve("specs.yaml"), "acme/a:\n  \"1.0\":\n    test_cmd: pytest\n");
        Run r = run("env", "list", "--tasks", tasks.toString(), "--specs", specs.toString(),
                "--cache", dir.resolve("cache").toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("fixpoint env list: " + specs + ": repo acme/a version 1.0: unknown field"
                + " \"test_cmd\""), r.err());
    }

    @Test
    void subcommandIsRequired() {
        assertEquals(2, run("env").exit());
        assertTrue(run("env", "--help").out().contains("build"));
    }
}
